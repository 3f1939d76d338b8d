import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.ts';
import type { Logger } from '../observability/logger.ts';
import { attachEmbedded } from './embedded-server.ts';
import { StatementCachingClient } from './statement-cache.ts';

/** Drizzle over node-postgres. Capabilities use the query builder. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a Drizzle query: the database or an open transaction. */
export type Queryable = Db | Tx;

/** The smallest raw-SQL surface, for migrations and health checks. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
}

/** Always a PostgreSQL server: the embedded one in DATA_DIR or an external one. */
export interface Database {
  db: Db;
  raw: RawSql;
  pool: pg.Pool;
  /** Connection string (for pg-boss's own pool and for child processes in tests). */
  url: string;
  close(): Promise<void>;
}

// node-postgres returns int8 as strings by default; our bigints are Telegram ids that fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPostgres(
  url: string,
  options: { max?: number; preparedStatements?: boolean } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Repeated statements run prepared (statement-cache.ts), unless a pooler in between cannot keep them.
    Client: options.preparedStatements === false ? pg.Client : StatementCachingClient,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor a checked-out one between two queries (inside a transaction, say) when the server restarts:
  // without a listener that 'error' event is unhandled and kills the process. The caller's next
  // query on it fails instead, which is classified as transient and retried.
  pool.on('connect', (client) => client.on('error', () => {}));
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
    db: drizzle({ client: pool }) as unknown as Db,
    raw,
    pool,
    url,
    async close() {
      await pool.end();
    },
  };
}

/**
 * Opens the configured database: the external server in DATABASE_URL, or the embedded PostgreSQL
 * in DATA_DIR (started if needed; on close, stopped if no other process still uses it).
 */
export async function openDatabase(
  target: DatabaseTarget,
  deps: { logger: Logger; max?: number; onLost?: (error: Error) => void },
): Promise<Database> {
  const max = deps.max === undefined ? {} : { max: deps.max };
  if (target.kind === 'postgres')
    return openPostgres(target.url, { ...max, preparedStatements: target.preparedStatements });
  const server = await attachEmbedded({
    dataDir: target.dataDir,
    ...(target.idleStopSeconds !== undefined ? { idleStopSeconds: target.idleStopSeconds } : {}),
    logger: deps.logger,
    ...(deps.onLost ? { onLost: deps.onLost } : {}),
  });
  try {
    const database = await openPostgres(server.url, max);
    return {
      ...database,
      async close() {
        await database.close();
        await server.release();
      },
    };
  } catch (error) {
    await server.release();
    throw error;
  }
}
