import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import { fromPglite, PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDataDir, tempDataDir } from '../../../test/support/data-dirs.ts';
import { createLogger } from '../observability/logger.ts';
import { attachEmbedded } from './embedded-server.ts';
import { readMigrations } from './migrate.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDataDir(dir);
});

/** A DATA_DIR as the PGlite release left it: migrated, a user, an audit row, a delayed job. */
async function oldInstallation(dir: string): Promise<{ jobId: string; userId: string }> {
  const pglite = await PGlite.create(join(dir, 'pgdata'), { extensions: { btree_gist } });
  await pglite.exec(
    'CREATE TABLE schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const m of await readMigrations()) {
    await pglite.exec(m.sql);
    await pglite.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
      m.name,
      m.checksum,
    ]);
  }
  const [user] = (
    await pglite.query<{ id: string }>(
      "INSERT INTO users (id, telegram_id, first_name, roles, timezone) VALUES (gen_random_uuid(), 4242, 'Олег', ARRAY['user','admin'], 'Europe/Moscow') RETURNING id",
    )
  ).rows;
  await pglite.query(
    "INSERT INTO audit_log (id, actor_kind, action, details) VALUES (gen_random_uuid(), 'cli', 'role.granted', $1)",
    [{ role: 'admin', nested: { list: [1, 2.5, 'три'] } }],
  );
  const boss = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue('legacy.dead');
  await boss.createQueue('legacy', { retryLimit: 7, deadLetter: 'legacy.dead' });
  const jobId = (await boss.send(
    'legacy',
    { remind: 'tomorrow' },
    { startAfter: new Date(Date.now() + 86_400_000) },
  )) as string;
  await boss.stop({ graceful: false, close: false });
  await pglite.close();
  return { jobId, userId: user?.id as string };
}

describe('an installation of the PGlite release', () => {
  it('is imported into the embedded PostgreSQL once, every row and the queued jobs, with a backup kept', async () => {
    const dir = tempDataDir('secretary-import-');
    dirs.push(dir);
    const { jobId, userId } = await oldInstallation(dir);
    const logger = createLogger({ level: 'silent', pretty: false });

    const server = await attachEmbedded({ dataDir: dir, logger, durable: false });
    expect(existsSync(join(dir, 'pgdata'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('pglite-backup-'))).toHaveLength(1);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const users = await client.query('SELECT id, telegram_id, first_name, roles, timezone FROM users');
      expect(users.rows).toEqual([
        {
          id: userId,
          telegram_id: 4242,
          first_name: 'Олег',
          roles: ['user', 'admin'],
          timezone: 'Europe/Moscow',
        },
      ]);
      const audit = await client.query('SELECT details FROM audit_log');
      expect(audit.rows).toEqual([{ details: { role: 'admin', nested: { list: [1, 2.5, 'три'] } } }]);
      const jobs = await client.query('SELECT id, state, data FROM pgboss.job WHERE name = $1', ['legacy']);
      expect(jobs.rows).toEqual([{ id: jobId, state: 'created', data: { remind: 'tomorrow' } }]);
      const queue = await client.query(
        'SELECT retry_limit, dead_letter, notify FROM pgboss.queue WHERE name = $1',
        ['legacy'],
      );
      expect(queue.rows).toEqual([{ retry_limit: 7, dead_letter: 'legacy.dead', notify: true }]);
      const applied = await client.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(applied.rows[0].n).toBe((await readMigrations()).length);
    } finally {
      await client.end();
    }
    await server.release();

    // The next start finds no PGlite directory and leaves the data as it is.
    const again = await attachEmbedded({ dataDir: dir, logger, durable: false });
    const check = new pg.Client({ connectionString: again.url });
    await check.connect();
    expect((await check.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(1);
    await check.end();
    await again.release();
  }, 240_000);
});
