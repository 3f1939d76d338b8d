import type pg from 'pg';

/** pg-boss's tables a move carries: queues, schedules, subscriptions and jobs (pending reminders). */
export const JOB_SCHEMA = 'pgboss';
export const JOB_TABLES = ['queue', 'schedule', 'subscription', 'job', 'job_dependency'];
/** Written by `migrate` on the target itself, compared with the file's list instead of copied. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** "schema.table" → quoted identifier pair. */
export const qualify = (name: string) => {
  const dot = name.indexOf('.');
  return `${ident(name.slice(0, dot))}.${ident(name.slice(dot + 1))}`;
};

type Query = Pick<pg.ClientBase, 'query'>;

/**
 * The tables a snapshot holds (the app's, in the current schema, and pg-boss's job tables), parents
 * before the tables whose foreign keys point at them, so a load in this order never breaks a key.
 */
export async function snapshotTables(client: Query): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ((n.nspname = current_schema() AND c.relname <> $1)
          OR (n.nspname = $2 AND c.relname = ANY($3)))
      ORDER BY n.nspname = $2 DESC, 1`,
    [MIGRATIONS_TABLE, JOB_SCHEMA, JOB_TABLES],
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND k.conparentid = 0`,
  );
  const names = rows.map((r) => r.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (parents.has(e.parent)) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)),
    );
    // A cycle of keys: take the rest as they come (the load runs with replication_role = replica).
    const next = ready.length ? ready : names.filter((n) => !placed.has(n));
    for (const n of next) {
      placed.add(n);
      ordered.push(n);
    }
  }
  return ordered;
}

export interface StoredColumn {
  name: string;
  /** format_type(): what a column definition list needs. */
  type: string;
}

/** Stored (not generated) columns, in table order. */
export async function storedColumns(client: Query, table: string): Promise<StoredColumn[]> {
  const { rows } = await client.query<StoredColumn>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [qualify(table)],
  );
  return rows;
}

/**
 * json and jsonb travel as their text: in row_to_json a JSON `null` document and SQL NULL look the
 * same, and json_populate_record would turn the first into the second.
 */
export const travelsAsText = (column: StoredColumn) => column.type === 'json' || column.type === 'jsonb';

/** Sequences of the app's schema and pg-boss's, with where each stands now. */
export async function sequencePositions(client: Query): Promise<Array<{ name: string; last: string }>> {
  const { rows } = await client.query<{ name: string; last: string }>(
    `SELECT schemaname || '.' || sequencename AS name, last_value::text AS last
       FROM pg_sequences WHERE schemaname IN (current_schema(), $1) AND last_value IS NOT NULL`,
    [JOB_SCHEMA],
  );
  return rows;
}
