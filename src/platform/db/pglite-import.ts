import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { recreateQueues } from '../jobs/pg-boss/import-queues.ts';
import type { Logger } from '../observability/logger.ts';
import { SERVER_DATABASE } from './cluster-files.ts';
import { openPostgres } from './database.ts';
import { type EmbeddedCluster, EmbeddedServerError } from './embedded-cluster.ts';
import { migrate, readMigrations } from './migrate.ts';
import { copySequences, copyTable, listTables, type SourceQuery } from './table-copy.ts';

const MARKER = 'pglite-import.in-progress';
// Queue tables are made by pg-boss itself (create_queue); its bookkeeping tables are rebuilt.
const BOSS_TABLES = new Set(['job', 'schedule', 'subscription', 'job_dependency']);

/**
 * Moves an installation of the earlier embedded engine (PGlite, in DATA_DIR/pgdata) into the
 * PostgreSQL cluster, once: same migrations, every row of every table (app and job queue), the
 * sequences; then the old directory is kept as DATA_DIR/pglite-backup-<time>. An import that
 * stopped half-way (marker file present) is started over on a fresh database.
 */
export async function importPglite(cluster: EmbeddedCluster, log: Logger): Promise<void> {
  const { legacyPglite: dir, root } = cluster.paths;
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log.warn({ dir }, 'DATA_DIR/pgdata is not a PGlite database; leaving it alone');
    return;
  }
  const marker = join(root, MARKER);
  const admin = new pg.Client({ connectionString: cluster.url('postgres', 'secretary-import') });
  await admin.connect();
  try {
    if (!existsSync(marker) && (await hasData(cluster))) {
      throw new EmbeddedServerError(
        `Both an old PGlite database (${dir}) and a PostgreSQL database with data exist in DATA_DIR. ` +
          'Move one of them away (the PGlite one is imported automatically when it is alone).',
      );
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    await admin.query(`DROP DATABASE IF EXISTS ${SERVER_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${SERVER_DATABASE}`);
  } finally {
    await admin.end();
  }
  log.warn({ dir }, 'importing the PGlite database into the embedded PostgreSQL (once)');
  const started = performance.now();
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const pglite = await PGlite.create(dir, { extensions: { btree_gist } });
  const source: SourceQuery = async (text, params) => (await pglite.query(text, params)).rows as never;
  const counts: Record<string, number> = {};
  try {
    const applied = (
      await source<{ exists: boolean }>(
        "SELECT to_regclass('public.schema_migrations') IS NOT NULL AS exists",
      )
    )[0]?.exists
      ? await source<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      : [];
    const files = await readMigrations();
    const unknown = applied.filter((a) => !files.some((f) => f.name === a.name));
    if (unknown.length) {
      throw new EmbeddedServerError(
        `The PGlite database has migrations this version does not know (${unknown.map((u) => u.name).join(', ')}): ` +
          'run the newer Secretary that created them.',
      );
    }
    const database = await openPostgres(cluster.url(), { max: 2 });
    try {
      // The schema as the old database had it; later migrations run at startup as usual.
      await migrate(
        database,
        files.filter((f) => applied.some((a) => a.name === f.name)),
      );
      const hasBoss = (
        await source<{ n: number }>("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'pgboss'")
      )[0]?.n;
      if (hasBoss) await recreateQueues(source, cluster.url());
    } finally {
      await database.close();
    }
    const target = new pg.Client({ connectionString: cluster.url(SERVER_DATABASE, 'secretary-import') });
    await target.connect();
    try {
      await target.query("SET session_replication_role = 'replica'");
      await target.query('BEGIN');
      for (const t of await listTables(source, ['public', 'pgboss'])) {
        if (t.schema === 'public' ? t.table === 'schema_migrations' : !BOSS_TABLES.has(t.table)) continue;
        counts[`${t.schema}.${t.table}`] = await copyTable(source, target, t);
      }
      await copySequences(source, target, ['public', 'pgboss']);
      await target.query('COMMIT');
    } finally {
      await target.end();
    }
  } finally {
    await pglite.close();
  }
  const backup = join(root, `pglite-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  renameSync(dir, backup);
  rmSync(marker, { force: true });
  log.warn(
    { backup, rows: counts, ms: Math.round(performance.now() - started) },
    'PGlite database imported; the old directory is kept as a backup (delete it when satisfied)',
  );
}

async function hasData(cluster: EmbeddedCluster): Promise<boolean> {
  const client = new pg.Client({ connectionString: cluster.url(SERVER_DATABASE, 'secretary-import') });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS ok");
    if (!table.rows[0]?.ok) return false;
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}
