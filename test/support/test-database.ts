import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openEmbedded, openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

export interface TestDatabase {
  database: Database;
  /** Connection string of the fresh database when running on PostgreSQL, else null. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a brand-new
 * database on the server in TEST_DATABASE_URL (created here, dropped on close).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let url: string | null = null;
  let drop = async () => {};
  if (serverUrl) {
    const name = `secretary_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    database = await openPostgres(url, { max: 5 });
    drop = async () => {
      // A failed test's database stays for inspection (see keep-failed-database.ts).
      if (process.env.SECRETARY_TEST_FAILED) {
        process.stderr.write(`test failed: database ${name} kept for inspection (${url})\n`);
        return;
      }
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  } else {
    database = await openEmbedded(null);
  }
  if (options.migrate !== false) await migrate(database);
  return {
    database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
