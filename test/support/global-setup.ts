import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { adminQuery, databaseUrl, startEmbeddedTestServer } from './test-server.ts';

type Shared = { adminUrl: string; template: string; stop: () => Promise<void> };
type Holder = { shared?: Promise<Shared>; users: number };
// Every project that needs a database names this file as its global setup; Vitest runs a
// project's setup only when that project has files to run, so `--project unit` (or a run of unit
// files only) starts no PostgreSQL. The projects run in one Vitest process: they share one server
// and one template through this holder, and the last teardown stops it.
const scope = globalThis as { __secretaryTestDatabase?: Holder };
scope.__secretaryTestDatabase ??= { users: 0 };
const holder: Holder = scope.__secretaryTestDatabase;

/**
 * One PostgreSQL for the whole run: the embedded server (started here, in a temporary directory),
 * or the one in TEST_DATABASE_URL. A migrated template database is made once; every test file
 * copies it (CREATE DATABASE … TEMPLATE), which takes a fraction of running the migrations.
 */
export default async function setup(project: TestProject) {
  holder.users += 1;
  holder.shared ??= startShared();
  const { adminUrl, template } = await holder.shared;
  project.provide('testServer', { adminUrl, template });
  return async () => {
    holder.users -= 1;
    if (holder.users > 0 || !holder.shared) return;
    const shared = holder.shared;
    holder.shared = undefined;
    await (await shared).stop();
  };
}

async function startShared(): Promise<Shared> {
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
  const stop = async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await embedded?.stop();
  };
  return { adminUrl, template, stop };
}
