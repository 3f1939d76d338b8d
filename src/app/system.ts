import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Clock as JobClock } from 'pg-boss';
import type { Access, AnyCapabilityModule, NotifyFn } from '../capabilities/capability.ts';
import { createQueueRoutes } from '../platform/admin/queue-routes.ts';
import { createAdminUserRoutes } from '../platform/admin/user-routes.ts';
import {
  createAi,
  createAiNotices,
  createAiRoutes,
  createDrizzleUsageStore,
  type OfflineTopicRanker,
} from '../platform/ai/index.ts';
import type { AlertMonitor } from '../platform/alerts/alert-monitor.ts';
import { startAlerts } from '../platform/alerts/alert-runtime.ts';
import { createApiTokens } from '../platform/auth/api-tokens.ts';
import { createAuthRoutes } from '../platform/auth/auth-routes.ts';
import { createLoginLinks } from '../platform/auth/login-links.ts';
import { createSessionStore } from '../platform/auth/session-store.ts';
import { createPersonalSettings } from '../platform/capability/personal-settings.ts';
import { createPersonalSettingsRoutes } from '../platform/capability/personal-settings-routes.ts';
import { createSettingsRoutes } from '../platform/capability/settings-routes.ts';
import type { Config } from '../platform/config/config.ts';
import { deriveKey, resolveEncryptionKey } from '../platform/crypto/keys.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { DIAGNOSTICS_QUEUE, registerDiagnosticsWorker } from '../platform/diagnostics/diagnostics.ts';
import { ensurePrivateDir } from '../platform/fs/private-files.ts';
import { createHttpApp } from '../platform/http/app.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { requireAuth, requireRole } from '../platform/http/auth-middleware.ts';
import { clientAddress } from '../platform/http/client-address.ts';
import { createHealthRoutes } from '../platform/http/health-routes.ts';
import { createHomePage } from '../platform/http/home-page.ts';
import { createMiniAppRoutes } from '../platform/http/mini-app.ts';
import { createMiniAppManifestRoutes } from '../platform/http/mini-app-manifest-routes.ts';
import { pageSecurityHeaders } from '../platform/http/page-headers.ts';
import { rateLimitPerUser } from '../platform/http/user-rate-limit.ts';
import { UPDATES_QUEUE } from '../platform/inbox/inbox-store.ts';
import { replayDeadUpdates } from '../platform/inbox/update-worker.ts';
import { createJobRuntime, type JobRuntime, jobPort } from '../platform/jobs/job-queue.ts';
import { createQueueAdmin } from '../platform/jobs/pg-boss/queue-admin.ts';
import { createParseRoutes } from '../platform/nl/index.ts';
import type { Logger } from '../platform/observability/logger.ts';
import { createMetrics, registerQueueGauges } from '../platform/observability/metrics.ts';
import { createOutbound } from '../platform/outbound/outbound.ts';
import { NOTIFY_QUEUE } from '../platform/telegram/notify-queue.ts';
import { createUserService, type UserService } from '../platform/users/user-service.ts';
import { createSandbox } from '../sandbox/index.ts';
import { assembleCapabilities, declarations } from './assemble.ts';
import { BOT_QUEUES, createBotRuntime } from './bot-runtime.ts';
import { capabilityModules } from './capabilities.ts';
import { openTextKeyring, warnSandboxExposed } from './data-at-rest.ts';
import { listen } from './listen.ts';
import { VERSION } from './version.ts';

/** Where `npm install` builds the Mini App (web/ → web/dist). */
const MINI_APP_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Which parts of the system a process runs (not to be confused with users' roles). */
export interface ProcessParts {
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
  /** A `worker` process's own listener (health, readiness, metrics on WORKER_PORT), else null. */
  healthUrl: string | null;
  /** Operator alerts to admins (worker processes; one of them checks at a time). */
  alerts: (AlertMonitor & { leading(): boolean }) | null;
  stop(): Promise<void>;
}

/**
 * Builds and starts one process: opens the database (starting the embedded one if needed),
 * migrates, starts the job runtime, then the parts asked for. `stop()` undoes it in reverse: stop
 * taking work, finish, close the DB.
 */
export async function startSystem(
  config: Config,
  parts: ProcessParts,
  logger: Logger,
  /**
   * Tests pass an open database (not closed on stop), a pg-boss TestClock, and other capability
   * modules (mounted exactly like the shipped ones). Processes pass `onDatabaseLost`: the embedded
   * PostgreSQL died and could not be restarted.
   */
  options: {
    database?: Database;
    clock?: JobClock;
    modules?: readonly AnyCapabilityModule[];
    onDatabaseLost?: (error: Error) => void;
  } = {},
): Promise<System> {
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
  const modules = options.modules ?? capabilityModules(config);
  // The embedded database died for good: tell the admins (bounded) before the process gives up.
  let alertDatabaseLost: ((error: Error) => Promise<void>) | null = null;
  const lastWords = async (error: Error) => {
    await alertDatabaseLost?.(error).catch(() => undefined);
    options.onDatabaseLost?.(error);
  };
  try {
    // Every process keeps files in DATA_DIR (Web Push keys, sandbox state), with DATABASE_URL too.
    if (!existsSync(config.dataDir)) ensurePrivateDir(config.dataDir);
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
      options.database ??
      (await openDatabase(config.database, {
        logger,
        max: config.databasePoolSize,
        ...(options.onDatabaseLost ? { onLost: (error: Error) => void lastWords(error) } : {}),
      }));
    if (!options.database) cleanups.push(() => database.close());
    const applied = await migrate(database);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await openTextKeyring(config, masterKey, database, logger);

    const metrics = createMetrics();
    const jobs = createJobRuntime({
      database,
      logger,
      metrics,
      queues: [DIAGNOSTICS_QUEUE, ...BOT_QUEUES, ...declarations(modules).queues],
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await jobs.start();
    cleanups.push(() => jobs.stop());
    registerQueueGauges(metrics, () => jobs.counts(), {
      onError: (error) => logger.warn({ err: error }, 'queue counts for /metrics failed'),
    });
    if (parts.worker) await registerDiagnosticsWorker(jobs.jobs);
    const readiness = {
      database: async () => (await database.raw.query('SELECT 1 AS ok')).length === 1,
      jobs: () => jobs.ping(),
    };

    const users = createUserService({ db: database.db, adminTelegramIds: config.adminTelegramIds });
    const clock = options.clock;
    const now = clock ? () => new Date(clock.now()) : () => new Date();
    const sessions = createSessionStore({ db: database.db, now });
    const tokens = createApiTokens({
      key: deriveKey(masterKey, 'api-token'),
      ttlSeconds: config.tokenTtlSeconds,
      now,
    });

    // The notes capability's classifier ranks topics offline; it exists once capabilities are built.
    let offlineTopicRanker: OfflineTopicRanker | undefined;
    const ai = createAi({
      config: config.ai,
      offlineTopicRanker: () => offlineTopicRanker,
      usageStore: createDrizzleUsageStore(database.db),
      clock: { now },
      logger,
      metrics,
      // Through the notifier below (a closure: it exists once the bot runtime has started).
      notices: createAiNotices({ db: database.db, send: (message) => notify(message) }),
    });
    logger.info({ ai: ai.describe() }, 'AI providers');

    // Capabilities send through the notifier, which exists once the bot runtime started (it needs
    // the Telegram API root, known only after listening in sandbox mode); sends happen later anyway.
    // This server's address, once it listens (links capabilities send out fall back to it).
    let url: string | null = null;
    const notify: NotifyFn = (message, sendOptions) => botRuntime.notifier().notify(message, sendOptions);
    const assembled = assembleCapabilities(modules, {
      database,
      db: database.db,
      jobs: jobPort(jobs.jobs),
      notify,
      telegram: {
        downloadFile: (fileId, maxBytes) => botRuntime.telegram().downloadFile(fileId, maxBytes),
        createForumTopic: (chatId, name) => botRuntime.telegram().createForumTopic(chatId, name),
        editMessageText: (chatId, id, text, o) => botRuntime.telegram().editMessageText(chatId, id, text, o),
      },
      telegramApi: () => botRuntime.api(),
      publicUrl: () => config.publicUrl ?? url ?? '',
      web: {
        mintToken: (user) =>
          tokens.mint({
            sub: user.id,
            tg: user.telegramId,
            roles: user.roles,
            via: 'otp',
            tv: user.tokenVersion,
          }),
        async userOfToken(token) {
          const claims = await tokens.verify(token).catch(() => null);
          const holder = claims ? await users.getTokenHolder(claims.sub, claims.jti) : null;
          if (!claims || !holder || holder.tokenRevoked || holder.user.tokenVersion !== claims.tv)
            return null;
          return holder.user;
        },
        async revokeToken(token) {
          const claims = await tokens.verify(token).catch(() => null);
          if (claims)
            await sessions.revokeToken({ jti: claims.jti, userId: claims.sub, expiresAt: claims.expiresAt });
        },
        deriveKey: (purpose) => deriveKey(masterKey, purpose),
        dataDir: config.dataDir,
        clientIp: (c) => clientAddress(c, config.trustProxy),
        development: config.telegram.kind === 'sandbox',
        outbound: createOutbound(config.outbound, logger),
      },
      users,
      ai,
      now,
      logger,
    });
    cleanups.push(() => assembled.stop());
    const capabilities = assembled.capabilities.map((c) => c.capability);
    offlineTopicRanker = capabilities.find((c) => c.offlineTopicRanker)?.offlineTopicRanker;

    const loginLinks = createLoginLinks({ db: database.db, now });
    const botRuntime = createBotRuntime({
      config,
      database,
      jobs: jobs.jobs,
      users,
      metrics,
      logger,
      now,
      masterKey,
      roles: parts,
      features: capabilities.flatMap((c) => (c.bot ? [c.bot] : [])),
      shell: assembled.shell,
      // `/token` in the bot: the same short-lived tokens as the Mini App login, revocable alike.
      ...(parts.http || config.publicUrl
        ? {
            issueToken: (user) =>
              tokens.mint({
                sub: user.id,
                tg: user.telegramId,
                roles: user.roles,
                via: 'bot',
                tv: user.tokenVersion,
              }),
            // `/web` in the bot: the Mini App outside Telegram signs in with this once.
            issueLoginLink: async (user) => {
              const { token, expiresAt } = await loginLinks.issue(user.id);
              return { url: `${config.publicUrl ?? url ?? ''}/app/#login=${token}`, expiresAt };
            },
          }
        : {}),
    });
    cleanups.push(() => botRuntime.stop());

    if (parts.http) {
      const limit = rateLimitPerUser({ points: config.apiRateLimitPerMinute, windowSeconds: 60 });
      const mounts: Array<{ path: string; app: Hono }> = [];
      if (botRuntime.webhookRoutes) mounts.push({ path: '/', app: botRuntime.webhookRoutes });
      for (const { name, capability } of assembled.capabilities)
        if (capability.web) mounts.push({ path: `/app/${name}`, app: capability.web.app as Hono });
      const guards: MiddlewareHandler[] = [
        pageSecurityHeaders({
          serverPages: assembled.capabilities.flatMap((c) => (c.capability.web ? [`/app/${c.name}`] : [])),
          loginWidget: config.publicUrl?.startsWith('https://') ?? false,
          // A local Bot API server (the standalone sandbox) shows the Mini App in its own chat page.
          frameAncestors: /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(
            config.telegram.apiRoot,
          )
            ? [new URL(config.telegram.apiRoot).origin]
            : [],
        }),
      ];
      // The Mini App (web/, built by `npm install`) under /app, after the capabilities' own pages.
      mounts.push({ path: '/', app: createMiniAppRoutes({ distDir: MINI_APP_DIST }) });
      // Dead jobs the notifier and the inbox park themselves go back through their own replay.
      const queueAdmin = createQueueAdmin({
        jobs: jobs.jobs,
        replayers: () => ({
          [NOTIFY_QUEUE]: (ids) => botRuntime.notifier().replayDeadLetters({ ids }),
          [UPDATES_QUEUE.name]: (ids) => replayDeadUpdates({ db: database.db, jobs: jobs.jobs }, { ids }),
        }),
      });
      const guarded = (app: OpenAPIHono<AppEnv>, access: Access) =>
        access === 'public' ? app : withAuth(app, { tokens, users, limit }, access);
      if (config.telegram.kind === 'sandbox') {
        const sandbox = createSandbox({
          token: config.telegram.token,
          botUsername: 'secretary_sandbox_bot',
          botFirstName: 'Secretary',
          // The Mini App will live at /app/ on this server; relative so it works on any port.
          webAppUrl: config.publicUrl ? `${config.publicUrl}/app/` : '/app/',
          stateFile: join(config.dataDir, 'sandbox-state.json'),
          // The bot's own webhook address when HOST is an explicit non-loopback interface.
          webhookHosts: isWildcard(config.host) ? [] : [config.host],
          // Names besides loopback it answers to (DNS rebinding): HOST and PUBLIC_URL's host.
          hosts: [
            ...(isWildcard(config.host) ? [] : [config.host]),
            ...(config.publicUrl ? [new URL(config.publicUrl).hostname] : []),
          ],
          logger,
          // The local Telegram shares the system's clock: message dates and Mini App auth_date
          // agree with the app's "now", also under a test clock.
          clock: { now: () => now().getTime() },
        });
        mounts.push({ path: '/', app: sandbox.app });
        // The sandbox signs initData for anyone who asks: the whole server answers to its names only.
        guards.unshift(sandbox.guard);
        cleanups.push(() => sandbox.close());
      }
      // `/`, where the start-up log's address lands: links to the sandbox, the Mini App and the docs.
      mounts.push({ path: '/', app: createHomePage({ sandbox: config.telegram.kind === 'sandbox' }) });
      const app = createHttpApp({
        logger,
        metrics,
        version: VERSION,
        metricsToken: config.metricsToken,
        readiness,
        api: [
          {
            path: '/ai',
            app: withAuth(createAiRoutes({ ai }) as unknown as OpenAPIHono<AppEnv>, { tokens, users, limit }),
          },
          { path: '', app: withAuth(createParseRoutes({ now }), { tokens, users, limit }) },
          {
            path: '/settings',
            app: withAuth(createSettingsRoutes(assembled.settings), { tokens, users, limit }),
          },
          {
            path: '/me/settings',
            app: withAuth(
              createPersonalSettingsRoutes(
                createPersonalSettings({
                  users,
                  registry: assembled.settings,
                  extras: assembled.settingsExtras,
                }),
                users,
              ),
              { tokens, users, limit },
            ),
          },
          ...assembled.routes.map((r) => ({ path: r.path, app: guarded(r.app, r.access) })),
          { path: '', app: guarded(createMiniAppManifestRoutes({ pages: assembled.miniAppPages }), 'user') },
          {
            path: '/admin/queues',
            app: guarded(createQueueRoutes({ queues: queueAdmin, db: database.db }), { role: 'admin' }),
          },
          {
            path: '/admin',
            app: guarded(createAdminUserRoutes({ users, db: database.db, roles: assembled.roles }), {
              role: 'admin',
            }),
          },
          {
            path: '',
            app: createAuthRoutes({
              tokens,
              users,
              sessions,
              loginLinks,
              botToken: config.telegram.token,
              initDataMaxAgeSeconds: config.initDataMaxAgeSeconds,
              // The widget works only on the domain set with BotFather's /setdomain, over https.
              widgetBot: () => (config.publicUrl?.startsWith('https://') ? botRuntime.username() : null),
              now,
            }),
          },
        ],
        mounts,
        guards,
      });
      const server = await listen(app, config.host, config.port);
      cleanups.push(() => server.close());
      if (config.sandboxExposed) warnSandboxExposed(logger, config.host, server.port);
      url = `http://${isWildcard(config.host) ? '127.0.0.1' : config.host}:${server.port}`;
    }
    await botRuntime.start(url);
    if (parts.worker) await assembled.startWorkers();
    let alerts: System['alerts'] = null;
    if (parts.worker) {
      const runtime = startAlerts({
        database,
        jobs,
        token: config.telegram.token,
        apiRoot: config.telegram.kind === 'sandbox' && url ? url : config.telegram.apiRoot,
        configuredAdmins: config.adminTelegramIds,
        metrics,
        logger,
        now,
        intervalMs: config.alerts.checkSeconds * 1000,
        repeatAfterMs: config.alerts.repeatMinutes * 60_000,
      });
      cleanups.push(() => runtime.stop());
      alerts = runtime.monitor;
      alertDatabaseLost = runtime.databaseLost;
    }
    // A worker has no API, but its job, send and AI figures and its health must be seen: its
    // own small listener, opened last so that "healthy" means started.
    let healthUrl: string | null = null;
    if (parts.worker && !parts.http) {
      const health = createHealthRoutes({
        metrics,
        readiness,
        version: VERSION,
        metricsToken: config.metricsToken,
      });
      const server = await listen(health, config.host, config.workerPort, 'WORKER_PORT');
      cleanups.push(() => server.close());
      healthUrl = `http://${isWildcard(config.host) ? '127.0.0.1' : config.host}:${server.port}`;
    }
    return { database, jobs, users, url, healthUrl, alerts, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A resource that needs a signed-in user (holding `access.role`, when given) on every route. The guard is attached to the resource's
 * own paths (not `*`), because several resources share the /api/v1 prefix with the public login.
 */
function withAuth(
  routes: OpenAPIHono<AppEnv>,
  deps: Parameters<typeof requireAuth>[0] & { limit: MiddlewareHandler<AppEnv> },
  access: Access = 'user',
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const guard = requireAuth(deps);
  const role = typeof access === 'object' ? requireRole(access.role) : null;
  for (const path of new Set(routes.routes.filter((r) => r.method !== 'ALL').map((r) => r.path))) {
    if (role) app.use(path, guard, role, deps.limit);
    else app.use(path, guard, deps.limit);
  }
  app.route('/', routes);
  return app;
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';
