import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApiTokens } from '../platform/auth/api-tokens.ts';
import { createAuthRoutes } from '../platform/auth/auth-routes.ts';
import type { Config } from '../platform/config/config.ts';
import { deriveKey, resolveEncryptionKey } from '../platform/crypto/keys.ts';
import { type DataDirLock, lockDataDir } from '../platform/db/data-dir-lock.ts';
import { type Database, openEmbedded, openPostgres } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { DIAGNOSTICS_QUEUE, registerDiagnosticsWorker } from '../platform/diagnostics/diagnostics.ts';
import { createHttpApp } from '../platform/http/app.ts';
import { createJobRuntime, type JobRuntime } from '../platform/jobs/job-queue.ts';
import type { Logger } from '../platform/observability/logger.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { createUserService, type UserService } from '../platform/users/user-service.ts';
import { createSandbox } from '../sandbox/index.ts';
import { startSandboxBot } from './sandbox-bot.ts';
import { VERSION } from './version.ts';

export interface Roles {
  /** HTTP API, health, metrics, docs (and the sandbox in sandbox mode). */
  http: boolean;
  /** Job workers. */
  worker: boolean;
}

export interface System {
  database: Database;
  jobs: JobRuntime;
  users: UserService;
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Builds and starts one process: opens (and locks) the database, migrates, starts the job runtime,
 * then the roles asked for. `stop()` undoes it in reverse: stop taking work, finish, close the DB.
 */
export async function startSystem(config: Config, roles: Roles, logger: Logger): Promise<System> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
      }
    }
  };
  try {
    let lock: DataDirLock | null = null;
    if (config.database.kind === 'embedded') {
      lock = lockDataDir(config.database.dataDir);
      cleanups.push(() => lock?.release());
    }
    const { key: masterKey, source } = resolveEncryptionKey({
      configured: config.encryptionKey,
      dataDir: config.dataDir,
    });
    if (source === 'generated')
      logger.warn(
        { path: join(config.dataDir, 'encryption.key') },
        'generated a new encryption key; back it up',
      );

    const database =
      config.database.kind === 'embedded'
        ? await openEmbedded(join(config.database.dataDir, 'pgdata'))
        : await openPostgres(config.database.url);
    cleanups.push(() => database.close());
    const applied = await migrate(database);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    const metrics = createMetrics();
    const jobs = createJobRuntime({ database, logger, metrics, queues: [DIAGNOSTICS_QUEUE] });
    await jobs.start();
    cleanups.push(() => jobs.stop());
    if (roles.worker) await registerDiagnosticsWorker(jobs.jobs);

    const users = createUserService({ db: database.db, adminTelegramIds: config.adminTelegramIds });
    const now = () => new Date();
    const tokens = createApiTokens({
      key: deriveKey(masterKey, 'api-token'),
      ttlSeconds: config.tokenTtlSeconds,
      now,
    });

    let url: string | null = null;
    if (roles.http) {
      const mounts: Array<{ path: string; app: Hono }> = [];
      if (config.telegram.kind === 'sandbox') {
        const sandbox = createSandbox({
          token: config.telegram.token,
          botUsername: 'secretary_sandbox_bot',
          botFirstName: 'Secretary',
          ...(config.publicUrl ? { webAppUrl: `${config.publicUrl}/app/` } : {}),
          stateFile: join(config.dataDir, 'sandbox-state.json'),
          logger,
        });
        mounts.push({ path: '/', app: sandbox.app });
        cleanups.push(() => sandbox.close());
      }
      const app = createHttpApp({
        logger,
        metrics,
        version: VERSION,
        readiness: {
          database: async () => (await database.raw.query('SELECT 1 AS ok')).length === 1,
          jobs: () => jobs.ping(),
        },
        api: [
          {
            path: '',
            app: createAuthRoutes({
              tokens,
              users,
              botToken: config.telegram.token,
              initDataMaxAgeSeconds: config.initDataMaxAgeSeconds,
              now,
            }),
          },
        ],
        mounts,
      });
      const server = await listen(app, config.host, config.port);
      cleanups.push(() => server.close());
      url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${server.port}`;
      if (config.telegram.kind === 'sandbox') {
        const bot = await startSandboxBot({ token: config.telegram.token, apiRoot: url, logger });
        cleanups.push(() => bot.stop());
      }
    }
    return { database, jobs, users, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listen(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  host: string,
  port: number,
) {
  return new Promise<{ port: number; close(): Promise<void> }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Long-polling clients (getUpdates, sandbox SSE) would hold close() open; cut them.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: set PORT to a free port`)
          : error,
      ),
    );
  });
}
