import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { attachEmbedded } from '../../src/platform/db/embedded-server.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';

/** A PostgreSQL server that test databases are created on, and how to create them. */
export interface TestServer {
  /** Connection string of a maintenance database on the server (CREATE/DROP DATABASE run there). */
  adminUrl: string;
  /** A migrated database to copy (CREATE DATABASE … TEMPLATE), or null: migrate each new one. */
  template: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

/**
 * Starts an embedded PostgreSQL in a temporary directory. `durable: false` (the test suite) turns
 * fsync off: the suite's databases are thrown away, and process tests start real clusters of their own.
 */
export async function startEmbeddedTestServer(options: { durable: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'secretary-test-pg-'));
  const server = await attachEmbedded({
    dataDir: dir,
    logger: createLogger({ level: 'warn', pretty: false }),
    durable: options.durable,
  });
  return {
    adminUrl: server.cluster.url('postgres', 'secretary-test'),
    async stop() {
      await server.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
