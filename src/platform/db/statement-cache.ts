import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * How many distinct statements one process prepares at most. Drizzle writes the same text for the
 * same query shape, so the hot set is small (the per-update ones: the user's row, flood control,
 * flows, the reply log, the update's status); texts that vary with the data (an IN list of another
 * length) stop being named once the budget is spent.
 */
const MAX_NAMED = 256;
/** A text is named from its second run on: a one-off statement is not kept on every connection. */
const NAME_FROM_RUN = 2;

const runs = new Map<string, number>();
const names = new Map<string, string>();

/** The name a text runs under, or undefined while it should stay an unnamed statement. */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_NAMED) return undefined;
  const seen = (runs.get(text) ?? 0) + 1;
  if (seen < NAME_FROM_RUN) {
    // Counting is bounded too: a flood of distinct texts must not grow this map for ever.
    if (runs.size < MAX_NAMED * 16) runs.set(text, seen);
    return undefined;
  }
  runs.delete(text);
  const name = statementNameOf(text);
  names.set(text, name);
  return name;
}

/** The name a text gets once named (what a Bind message on the wire carries). */
export const statementNameOf = (text: string) =>
  `s_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;

/**
 * A pg client whose parameterised statements run as named (prepared) ones from their second use on:
 * PostgreSQL parses and plans each once per connection instead of on every call, and a call sends
 * the name instead of the text. About a tenth of a millisecond per statement, and a handled update
 * makes a dozen (what asyncpg and the JDBC driver do by default). Statements without parameters,
 * already named ones, and streams/cursors pass through unchanged.
 */
export class StatementCachingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded; this forwards every form.
  override query(config: any, values?: any, callback?: any): any {
    if (
      config &&
      typeof config === 'object' &&
      typeof config.submit !== 'function' &&
      typeof config.text === 'string' &&
      config.name === undefined
    ) {
      const params = Array.isArray(values) ? values : config.values;
      if (Array.isArray(params) && params.length > 0) {
        const name = statementName(config.text);
        if (name) return super.query({ ...config, name }, values, callback);
      }
    }
    return super.query(config, values, callback);
  }
}
