import type pg from 'pg';

/** Runs a query on the source database (an old PGlite), returning rows. */
export type SourceQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export interface TableRef {
  schema: string;
  table: string;
}

const BATCH = 2000;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (t: TableRef) => `${ident(t.schema)}.${ident(t.table)}`;

/** Ordinary and partitioned tables of these schemas (not partitions: their parent routes rows). */
export async function listTables(source: SourceQuery, schemas: string[]): Promise<TableRef[]> {
  return source<TableRef>(
    `SELECT n.nspname AS schema, c.relname AS "table"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1)
      ORDER BY 1, 2`,
    [schemas],
  );
}

async function columns(run: SourceQuery, t: TableRef, writable: boolean): Promise<string[]> {
  const rows = await run<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
        ${writable ? "AND a.attgenerated = ''" : ''}
      ORDER BY a.attnum`,
    [qualified(t)],
  );
  return rows.map((r) => r.name);
}

/**
 * Copies every row of a table from the source into the same table of the target (which must
 * exist). Values travel as JSON and are parsed by the target's own type input functions, so every
 * type round-trips as text does in a dump. Columns only the target has get their defaults.
 * The target connection should have `session_replication_role = replica` (no FK checks, no triggers).
 */
export async function copyTable(source: SourceQuery, target: pg.Client, t: TableRef): Promise<number> {
  const targetCols = new Set(await columns(async (q, p) => (await target.query(q, p)).rows, t, true));
  if (targetCols.size === 0) return 0;
  const cols = (await columns(source, t, false))
    .filter((c) => targetCols.has(c))
    .map(ident)
    .join(', ');
  let copied = 0;
  for (let offset = 0; ; offset += BATCH) {
    const [batch] = await source<{ rows: string | null }>(
      `SELECT json_agg(t)::text AS rows FROM (SELECT ${cols} FROM ${qualified(t)} LIMIT ${BATCH} OFFSET ${offset}) t`,
    );
    if (!batch?.rows) break;
    const result = await target.query(
      `INSERT INTO ${qualified(t)} (${cols}) OVERRIDING SYSTEM VALUE
       SELECT ${cols} FROM json_populate_recordset(NULL::${qualified(t)}, $1::json)`,
      [batch.rows],
    );
    copied += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < BATCH) break;
  }
  return copied;
}

/** Moves every sequence of these schemas to where the source's is, so new ids do not collide. */
export async function copySequences(
  source: SourceQuery,
  target: pg.Client,
  schemas: string[],
): Promise<void> {
  const sequences = await source<{ schema: string; name: string; last: string | null; called: boolean }>(
    `SELECT schemaname AS schema, sequencename AS name, last_value::text AS last, last_value IS NOT NULL AS called
       FROM pg_sequences WHERE schemaname = ANY($1)`,
    [schemas],
  );
  for (const s of sequences) {
    if (s.last === null) continue;
    await target.query('SELECT setval(to_regclass($1), $2::bigint, true) WHERE to_regclass($1) IS NOT NULL', [
      `${ident(s.schema)}.${ident(s.name)}`,
      s.last,
    ]);
  }
}
