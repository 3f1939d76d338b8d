import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { adminQuery, databaseUrl, startEmbeddedTestServer } from './test-server.ts';

/**
 * One PostgreSQL for the whole run: the embedded server (started here, in a temporary directory),
 * or the one in TEST_DATABASE_URL. A migrated template database is made once; every test file
 * copies it (CREATE DATABASE … TEMPLATE), which takes a fraction of running the migrations.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const embedded = external ? null : await startEmbeddedTestServer({ durable: false });
  const adminUrl = external ?? (embedded?.adminUrl as string);
  const template = `secretary_template_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const database = await openPostgres(databaseUrl(adminUrl, template), { max: 1 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  project.provide('testServer', { adminUrl, template });
  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await embedded?.stop();
  };
}
