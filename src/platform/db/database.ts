import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** Drizzle over either backend. Capabilities use the query builder; both drivers share it. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a Drizzle query: the database or an open transaction. */
export type Queryable = Db | Tx;

/** The smallest raw-SQL surface, for migrations and health checks. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
}

export type Database =
  | { kind: 'embedded'; db: Db; raw: RawSql; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; raw: RawSql; pool: pg.Pool; url: string; close(): Promise<void> };

// node-postgres returns int8 as strings by default; our bigints are Telegram ids that fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens PGlite in `dataDir` (or in memory when null). The caller holds the directory lock. */
export async function openEmbedded(dataDir: string | null): Promise<Database> {
  // btree_gist backs the bookings' exclusion constraint; PGlite loads extensions only at create.
  const options = { extensions: { btree_gist } };
  const pglite = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const raw: RawSql = {
    async query<T>(text: string, params?: unknown[]) {
      return (await pglite.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await pglite.exec(text);
    },
  };
  return {
    kind: 'embedded',
    db: drizzlePglite({ client: pglite }) as unknown as Db,
    raw,
    pglite,
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const raw: RawSql = {
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
  };
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool }) as unknown as Db,
    raw,
    pool,
    url,
    async close() {
      await pool.end();
    },
  };
}
