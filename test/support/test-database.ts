import { randomBytes } from 'node:crypto';
import { type Database, openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { adminQuery, databaseUrl, startEmbeddedTestServer, type TestServer } from './test-server.ts';

export interface TestDatabase {
  database: Database;
  /** Connection string of the fresh database (for child processes: DATABASE_URL). */
  url: string;
  /** Runs SQL on the server's admin connection (outside this database: e.g. to cut it off). */
  admin(text: string): Promise<void>;
  /** The database's name on its server. */
  name: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, created on the run's server (see global-setup.ts:
 * the embedded PostgreSQL, or TEST_DATABASE_URL) and dropped on close. Outside vitest (bench
 * scripts) the server is TEST_DATABASE_URL or an embedded PostgreSQL of this process, fsync on.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let server = await runServer();
  let stopServer = async () => {};
  if (!server) {
    const embedded = await startEmbeddedTestServer({ durable: true });
    server = { adminUrl: embedded.adminUrl, template: null };
    stopServer = embedded.stop;
  }
  const { adminUrl, template } = server;
  const name = `secretary_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const copy = options.migrate !== false && template;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}${copy ? ` TEMPLATE ${template}` : ''}`);
  const url = databaseUrl(adminUrl, name);
  const database = await openPostgres(url, { max: 5 });
  if (options.migrate !== false && !copy) await migrate(database);
  return {
    database,
    url,
    name,
    admin: (text) => adminQuery(adminUrl, text),
    async close() {
      await database.close();
      // A failed test's database stays for inspection (see keep-failed-database.ts); on the
      // embedded test server it lives until the run's server is removed.
      if (process.env.SECRETARY_TEST_FAILED)
        process.stderr.write(`test failed: database ${name} kept (${url})\n`);
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await stopServer();
    },
  };
}

async function runServer(): Promise<TestServer | null> {
  if (process.env.VITEST) {
    const { inject } = await import('vitest');
    const provided = inject('testServer');
    if (provided) return provided;
  }
  const external = process.env.TEST_DATABASE_URL;
  return external ? { adminUrl: external, template: null } : null;
}
