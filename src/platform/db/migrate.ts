import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, RawSql } from './database.ts';

export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url).pathname;

// Any fixed 64-bit number works; every process that migrates this database must use the same one.
const MIGRATION_LOCK_KEY = 7_305_117_402_991n;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  readonly code = 'migration_failed';
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}_[a-z0-9_]+\.sql$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock so that
 * several processes starting at once apply each file exactly once. Returns the names applied.
 */
export async function migrate(database: Database, files?: MigrationFile[]): Promise<string[]> {
  const migrations = files ?? (await readMigrations());
  const client = await database.pool.connect();
  try {
    const raw: RawSql = {
      query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
      exec: async (text: string) => void (await client.query(text)),
    };
    return await applyLocked(raw, migrations);
  } finally {
    client.release();
  }
}

async function applyLocked(raw: RawSql, migrations: MigrationFile[]): Promise<string[]> {
  await raw.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
  try {
    await raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (
        await raw.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')
      ).map((r) => [r.name, r.checksum]),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied. Migrations are append-only: ` +
              'restore the original file and put the change in a new one.',
          );
        }
        continue;
      }
      try {
        await raw.exec('BEGIN');
        await raw.exec(m.sql);
        await raw.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          m.name,
          m.checksum,
        ]);
        await raw.exec('COMMIT');
      } catch (error) {
        await raw.exec('ROLLBACK').catch(() => {});
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await raw.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
  }
}
