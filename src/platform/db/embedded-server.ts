import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { SERVER_DATABASE } from './cluster-files.ts';
import { type EmbeddedCluster, EmbeddedServerError, embeddedCluster } from './embedded-cluster.ts';
import { spawnKeeper, USERS_LOCK_KEY } from './embedded-keeper.ts';
import { withFileLock } from './file-lock.ts';

// Every process using the cluster holds USERS_LOCK_KEY in shared mode on a connection of its own.
// A process that can take it exclusively is the last one: it stops the server on the way out.

/** This process's use of the embedded PostgreSQL in a DATA_DIR. */
export interface EmbeddedServer {
  /** Connection string of the app's database over the cluster's unix socket. */
  url: string;
  cluster: EmbeddedCluster;
  /** Call after this process closed its connections: stops the server unless another process uses it. */
  release(): Promise<void>;
}

/**
 * Starts the DATA_DIR's PostgreSQL, or finds it running (a killed app leaves it up: postmaster.pid
 * tells), and registers this process as one of its users. Starting, stopping and importing happen
 * under a lock file, so processes starting together never start a second server on the directory
 * (PostgreSQL itself refuses that too) and the last one out stops it. A server that dies under us is
 * restarted; if that fails, `onLost` is called (the process should exit with its message).
 */
export async function attachEmbedded(options: {
  dataDir: string;
  logger: Logger;
  /** false only for the test suite's throwaway cluster (no fsync). */
  durable?: boolean;
  onLost?: (error: Error) => void;
  /** Stop the server after this long with no app process using it (a keeper process); 0: never. */
  idleStopSeconds?: number;
}): Promise<EmbeddedServer> {
  const log = options.logger.child({ component: 'embedded-postgres' });
  const cluster = embeddedCluster(options.dataDir, {
    logger: options.logger,
    durable: options.durable ?? true,
  });
  let client: pg.Client | null = null;
  let releasing = false;

  const attach = async () => {
    await withFileLock(
      cluster.paths.lock,
      async () => {
        const state = await cluster.ensureRunning();
        if (state !== 'running') log.info({ state, pid: cluster.pid() }, 'embedded PostgreSQL is up');
        else log.info({ pid: cluster.pid() }, 'embedded PostgreSQL was already running; using it');
        if (existsSync(cluster.paths.legacyPglite)) {
          const { importPglite } = await import('./pglite-import.ts');
          await importPglite(cluster, log);
        }
        // Registered before the lock is let go: the keeper decides under the same lock.
        const c = new pg.Client({ connectionString: cluster.url(SERVER_DATABASE, 'secretary-attach') });
        c.on('error', () => {}); // the 'end' below handles a lost connection
        await c.connect();
        await c.query('SELECT pg_advisory_lock_shared($1)', [USERS_LOCK_KEY]);
        c.once('end', () => {
          if (!releasing) void recover();
        });
        client = c;
      },
      {
        what: 'the embedded PostgreSQL to start',
        timeoutMs: 180_000,
        onWait: (pid) =>
          log.info({ holder_pid: pid }, 'waiting: another process is starting the embedded PostgreSQL'),
      },
    );
    spawnKeeper(options.dataDir, options.idleStopSeconds ?? 0);
  };

  const recover = async () => {
    client = null;
    log.error('the embedded PostgreSQL went away; restarting it');
    let last: unknown;
    for (let attempt = 1; attempt <= 5 && !releasing; attempt++) {
      try {
        await attach();
        log.info({ pid: cluster.pid() }, 'embedded PostgreSQL restarted');
        return;
      } catch (error) {
        last = error;
        await sleep(1000 * attempt);
      }
    }
    if (releasing) return;
    const error = new EmbeddedServerError(
      `The embedded PostgreSQL in ${cluster.paths.cluster} stopped and could not be restarted: ` +
        `${(last as Error)?.message ?? last}`,
    );
    if (options.onLost) options.onLost(error);
    else log.fatal({ err: error }, error.message);
  };

  await attach();
  return {
    url: cluster.url(),
    cluster,
    async release() {
      if (releasing) return;
      releasing = true;
      await withFileLock(
        cluster.paths.lock,
        async () => {
          const c = client;
          client = null;
          if (!c) return;
          const last = await c
            .query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [USERS_LOCK_KEY])
            .then((r) => r.rows[0]?.ok === true)
            .catch(() => false);
          await c.end().catch(() => {});
          if (last) {
            await cluster.stop();
            log.info('embedded PostgreSQL stopped');
          } else log.info('embedded PostgreSQL left running for the other processes using it');
        },
        { what: 'the embedded PostgreSQL to stop', timeoutMs: 120_000 },
      );
    },
  };
}
