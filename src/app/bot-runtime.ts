import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { Hono } from 'hono';
import type { BotServices } from '../bot/bot-context.ts';
import type { BotFeature } from '../bot/bot-feature.ts';
import type { BotShell } from '../bot/bot-shell.ts';
import { createBot, registerCommands } from '../bot/create-bot.ts';
import { createFloodControl } from '../bot/flood-control.ts';
import { createFlowStore } from '../bot/flows/flow-store.ts';
import { createMenuStore } from '../bot/menus/menu-store.ts';
import type { Config } from '../platform/config/config.ts';
import { deriveKey } from '../platform/crypto/keys.ts';
import type { Database } from '../platform/db/database.ts';
import type { DirectRuns } from '../platform/inbox/inbox-store.ts';
import { UPDATES_QUEUE } from '../platform/inbox/inbox-store.ts';
import { runAsLeader } from '../platform/inbox/leader.ts';
import { startPoller } from '../platform/inbox/poller.ts';
import { createReplyLog } from '../platform/inbox/reply-log.ts';
import {
  PRUNE_QUEUE,
  registerPruneWorker,
  registerUnblockWorker,
  registerUpdateWorker,
  UNBLOCK_QUEUE,
} from '../platform/inbox/update-worker.ts';
import { createWebhookRoutes, WEBHOOK_PATH } from '../platform/inbox/webhook-routes.ts';
import type { JobQueue, QueueDefinition } from '../platform/jobs/job-queue.ts';
import type { Logger } from '../platform/observability/logger.ts';
import type { Metrics } from '../platform/observability/metrics.ts';
import {
  createNotifier,
  createTelegramClient,
  DEFAULT_TELEGRAM_LIMITS,
  NOTIFY_QUEUES,
  type Notifier,
} from '../platform/telegram/index.ts';
import { createTelegramActions, type TelegramActions } from '../platform/telegram/telegram-actions.ts';
import type { UserService } from '../platform/users/user-service.ts';

export const BOT_QUEUES: QueueDefinition[] = [UPDATES_QUEUE, PRUNE_QUEUE, UNBLOCK_QUEUE, ...NOTIFY_QUEUES];
const POLLER_LOCK_KEY = 7_305_117_402_992n;

export interface BotRuntime {
  /** Mount at the root when updates arrive by webhook. */
  webhookRoutes: Hono | null;
  /** Starts handling (worker role) and receiving (http role) updates; `selfUrl` is this server's address. */
  start(selfUrl: string | null): Promise<void>;
  /** Durable notifications (set once `start` ran). */
  notifier(): Notifier;
  /** Telegram calls for capabilities' jobs (set once `start` ran). */
  telegram(): TelegramActions;
  /** The shared Telegram client's API (set once `start` ran). */
  api(): Api;
  /** The bot's @username once Telegram answered getMe, else null. */
  username(): string | null;
  stop(): Promise<void>;
}

export function createBotRuntime(deps: {
  config: Config;
  database: Database;
  jobs: JobQueue;
  users: UserService;
  logger: Logger;
  metrics: Metrics;
  now: () => Date;
  masterKey: string;
  roles: { http: boolean; worker: boolean };
  features?: readonly BotFeature[];
  shell?: BotShell;
  issueToken?: BotServices['issueToken'];
  issueLoginLink?: BotServices['issueLoginLink'];
}): BotRuntime {
  const { config, database, jobs, logger } = deps;
  const db = database.db;
  const secret = deriveKey(deps.masterKey, 'telegram-webhook').toString('base64url');
  // Set once this process's update worker runs: updates it stores then start here without a fetch.
  let direct: DirectRuns | null = null;
  const webhookRoutes =
    deps.roles.http && config.ingress === 'webhook'
      ? createWebhookRoutes({ db, jobs, secret, logger, metrics: deps.metrics, direct: () => direct })
      : null;
  const stops: Array<() => Promise<void> | void> = [];
  let stopped = false;
  // Aborted first thing on stop: Telegram calls in flight and waits end at once, whatever Telegram
  // does, so shutdown stays bounded; the work they belonged to is deferred and done after restart.
  const shutdown = new AbortController();
  let notifier: Notifier | null = null;
  let telegram: TelegramActions | null = null;
  let api: Api | null = null;
  let username: string | null = null;

  return {
    webhookRoutes,
    async start(selfUrl) {
      const apiRoot = config.telegram.kind === 'sandbox' && selfUrl ? selfUrl : config.telegram.apiRoot;
      // Every call to Telegram — replies and notifications — shares one set of limits and retries.
      const client = createTelegramClient({
        token: config.telegram.token,
        apiRoot,
        database,
        logger,
        metrics: deps.metrics,
        limits: config.telegramLimits.enabled
          ? { ...DEFAULT_TELEGRAM_LIMITS, globalPerSecond: config.telegramLimits.globalPerSecond }
          : 'off',
        shutdown: shutdown.signal,
      });
      const replyLog = createReplyLog(database, logger);
      api = client.api;
      notifier = createNotifier({ jobs, api: client.api, database, logger, metrics: deps.metrics });
      telegram = createTelegramActions(client.api, apiRoot, config.telegram.token);
      const bot = createBot({
        token: config.telegram.token,
        apiRoot,
        logger,
        services: {
          users: deps.users,
          flows: createFlowStore(db),
          menus: createMenuStore(db),
          flood: createFloodControl(db, config.flood),
          now: deps.now,
          webAppUrl: config.miniAppUrl,
          issueToken: deps.issueToken,
          issueLoginLink: deps.issueLoginLink,
          docsUrl: `${config.publicUrl ?? selfUrl ?? ''}/docs`,
        },
        // The reply log wraps the client: outermost it numbers the logical calls and answers repeats
        // from the log; innermost it writes each HTTP attempt down right before it leaves (after the
        // limiter's waits and backoffs), so a crash while waiting leaves nothing ambiguous behind.
        transformers: [replyLog.outer, client.transformer, replyLog.inner],
        features: deps.features ?? [],
        ...(deps.shell ? { shell: deps.shell } : {}),
      });
      // Telegram may be unreachable for a while (network, outage): keep trying in the background
      // rather than refusing to start; updates wait safely in the inbox meanwhile.
      const ready = (async () => {
        for (let delay = 1000; !stopped; delay = Math.min(delay * 2, 60_000)) {
          try {
            await bot.init();
            username = bot.botInfo.username;
            return true;
          } catch (error) {
            if (stopped) break;
            logger.warn({ err: error, retry_in_ms: delay }, 'cannot reach the Telegram Bot API yet');
            await sleep(delay, undefined, { signal: shutdown.signal }).catch(() => undefined);
          }
        }
        return false;
      })();
      if (deps.roles.worker) {
        await registerPruneWorker({ db, jobs, logger, retentionDays: config.updateRetentionDays });
        await registerUnblockWorker({ db, jobs, logger });
        await notifier.registerNotifyWorker();
        void ready.then(async (ok) => {
          if (!ok) return;
          if (stopped) return;
          const worker = await registerUpdateWorker({
            database,
            jobs,
            logger,
            handle: (update) => bot.handleUpdate(update),
            shutdown: shutdown.signal,
          });
          direct = worker.direct;
          stops.push(() => {
            direct = null;
            worker.stop();
          });
        });
      }
      if (!deps.roles.http) return;
      void ready.then(async (ok) => {
        if (!ok || stopped) return;
        await registerCommands(bot, deps.features ?? []).catch((error) =>
          logger.warn({ err: error }, 'setMyCommands failed'),
        );
        if (config.miniAppUrl) {
          const menuButton = {
            type: 'web_app' as const,
            text: 'Secretary',
            web_app: { url: config.miniAppUrl },
          };
          await bot.api
            .setChatMenuButton({ menu_button: menuButton })
            .catch((error) => logger.warn({ err: error }, 'setChatMenuButton failed'));
        }
        if (config.ingress === 'webhook') {
          const base =
            config.telegram.kind === 'webhook' ? config.telegram.publicUrl : (selfUrl ?? config.publicUrl);
          await bot.api.setWebhook(`${base}${WEBHOOK_PATH}`, { secret_token: secret, max_connections: 40 });
          logger.info({ url: `${base}${WEBHOOK_PATH}` }, 'webhook registered');
          return;
        }
        const leader = runAsLeader({
          database,
          logger,
          key: POLLER_LOCK_KEY,
          lead: () =>
            startPoller({ api: bot.api, db, jobs, logger, metrics: deps.metrics, direct: () => direct }),
        });
        stops.push(() => leader.stop());
      });
    },
    username: () => username,
    notifier() {
      if (!notifier) throw new Error('bot runtime not started');
      return notifier;
    },
    telegram() {
      if (!telegram) throw new Error('bot runtime not started');
      return telegram;
    },
    api() {
      if (!api) throw new Error('bot runtime not started');
      return api;
    },
    async stop() {
      stopped = true;
      shutdown.abort();
      for (const stop of stops.splice(0)) await stop();
    },
  };
}
