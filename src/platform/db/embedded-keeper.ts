import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { SERVER_DATABASE } from './cluster-files.ts';
import type { EmbeddedCluster } from './embedded-cluster.ts';
import { withFileLock } from './file-lock.ts';

// Every app process holds USERS_LOCK_KEY shared while it uses the server (embedded-server.ts); the
// keeper holds KEEPER_LOCK_KEY so that one keeper watches a server however many processes start one.
export const USERS_LOCK_KEY = '7305117403001';
const KEEPER_LOCK_KEY = '7305117403002';
const MAIN = fileURLToPath(new URL('./embedded-keeper-main.ts', import.meta.url));

/**
 * Starts the keeper of the DATA_DIR's server in the background (detached, silent): it stops the
 * server once no app process has used it for `idleSeconds`, so a crashed or `kill -9`ed app (or a
 * terminal closed under it) does not leave PostgreSQL running for good. A second keeper exits at once.
 */
export function spawnKeeper(dataDir: string, idleSeconds: number): void {
  if (idleSeconds <= 0) return;
  const child = spawn(process.execPath, [MAIN, dataDir, String(idleSeconds)], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => {}); // best effort: the app works without a keeper
  child.unref();
}

/** The keeper's loop (in its own process): returns when the server is stopped or gone. */
export async function keep(cluster: EmbeddedCluster, idleSeconds: number, logger: Logger): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url(SERVER_DATABASE, 'secretary-keeper') });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch {
    return; // not running (any more): nothing to keep
  }
  const ok = async (key: string, what: 'lock' | 'unlock') =>
    (
      await client.query<{ ok: boolean }>(
        `SELECT ${what === 'lock' ? 'pg_try_advisory_lock' : 'pg_advisory_unlock'}($1::bigint) AS ok`,
        [key],
      )
    ).rows[0]?.ok === true;
  try {
    if (!(await ok(KEEPER_LOCK_KEY, 'lock'))) return; // another keeper watches this server
    const step = Math.min(15_000, Math.max(250, (idleSeconds * 1000) / 4));
    let idleSince: number | null = null;
    for (;;) {
      await sleep(step);
      // Free = nobody holds the users' lock shared: taken and given back at once.
      const free = (await ok(USERS_LOCK_KEY, 'lock')) && (await ok(USERS_LOCK_KEY, 'unlock'));
      idleSince = free ? (idleSince ?? Date.now()) : null;
      if (idleSince === null || Date.now() - idleSince < idleSeconds * 1000) continue;
      // Under the start/stop lock an app attaches whole (server up and its lock held) or not at all.
      const stopped = await withFileLock(
        cluster.paths.lock,
        async () => {
          if (!((await ok(USERS_LOCK_KEY, 'lock')) && (await ok(USERS_LOCK_KEY, 'unlock')))) return false;
          await client.end().catch(() => {});
          await cluster.stop();
          return true;
        },
        { what: 'the embedded PostgreSQL to stop', timeoutMs: 120_000 },
      );
      if (stopped) {
        logger.info({ idle_seconds: idleSeconds }, 'embedded PostgreSQL stopped: no app process used it');
        return;
      }
      idleSince = null;
    }
  } catch (error) {
    // Usually the connection went away: the server stopped (the last app out stops it too).
    logger.info({ err: error }, 'embedded PostgreSQL keeper leaves');
  } finally {
    await client.end().catch(() => {});
  }
}
