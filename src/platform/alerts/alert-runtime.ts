import { I18n } from '@grammyjs/i18n';
import { and, arrayContains, isNotNull, isNull } from 'drizzle-orm';
import { Api } from 'grammy';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { users } from '../db/schema.ts';
import { runAsLeader } from '../inbox/leader.ts';
import type { JobRuntime } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { telegramCounters } from '../telegram/telegram-metrics.ts';
import { formatWhen } from '../time/format.ts';
import { aiCircuitCheck, databaseCheck, deadLetterCheck, telegramTokenCheck } from './alert-checks.ts';
import { type AlertMonitor, type AlertName, createAlertMonitor, type RenderAlert } from './alert-monitor.ts';

const ALERTS_LOCK_KEY = 7_305_117_402_993n;
export const ALERTS_LOCALES_DIR = new URL('./locales', import.meta.url).pathname;

export interface AlertRuntime {
  monitor: AlertMonitor & { leading(): boolean };
  /** The database is gone for good (the process exits next): one last alert, within 5 s. */
  databaseLost(error: Error): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The operator alerts of one deployment: checked every `intervalMs` by one process at a time (an
 * advisory-lock leader). When the database goes away the lock goes with it; the process that led
 * until then keeps checking (from memory) so the outage itself is reported, and hands over once the
 * database is back. Alerts go straight to the Bot API with a plain client: the shared client's rate
 * limiter lives in the database.
 */
export function startAlerts(deps: {
  database: Database;
  jobs: JobRuntime;
  token: string;
  apiRoot: string;
  configuredAdmins: readonly number[];
  metrics: Metrics;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
  repeatAfterMs?: number;
}): AlertRuntime {
  const { database, metrics } = deps;
  const api = new Api(deps.token, { apiRoot: deps.apiRoot, timeoutSeconds: 10 });
  const counters = telegramCounters(metrics.registry);
  api.config.use(async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal);
    const outcome = response.ok ? 'ok' : response.error_code === 401 ? 'unauthorized' : 'client_error';
    counters?.requests.inc({ method, outcome });
    return response;
  });
  const i18n = alertTexts();
  const render: RenderAlert = (recipient, name, kind, vars, since) => {
    const viewer = { timezone: recipient.timezone, language: recipient.language, now: deps.now() };
    return i18n.t(recipient.language, `alert-${name.replaceAll('_', '-')}-${kind}`, {
      ...vars,
      since: formatWhen(since, viewer),
      minutes: Math.max(1, Math.round((deps.now().getTime() - since.getTime()) / 60_000)),
    });
  };
  const ping = () => database.raw.query('SELECT 1');
  const monitor = createAlertMonitor({
    checks: [
      databaseCheck(ping),
      deadLetterCheck(() => deps.jobs.deadLetterCounts()),
      telegramTokenCheck(() => api.getMe()),
      aiCircuitCheck(metrics.aiCircuitOpen),
    ],
    recipients: async () =>
      (
        await database.db
          .select({ telegramId: users.telegramId, language: users.language, timezone: users.timezone })
          .from(users)
          .where(
            and(
              arrayContains(users.roles, ['admin']),
              isNotNull(users.telegramId),
              isNull(users.blockedBotAt),
            ),
          )
      ).map((r) => ({ telegramId: r.telegramId as number, language: r.language, timezone: r.timezone })),
    configuredAdmins: deps.configuredAdmins,
    send: async (chatId, text) => {
      await api.sendMessage(chatId, text);
    },
    render,
    now: deps.now,
    repeatAfterMs: deps.repeatAfterMs ?? 30 * 60_000,
    logger: deps.logger,
    metrics,
  });

  // The process that led when the database went away keeps checking until it is back.
  let ledLast = false;
  // The lock's session gets its own one-connection pool: held for hours, it must not take a slot
  // from the pool the app's queries share.
  const lockPool = new pg.Pool({ connectionString: database.url, max: 1 });
  lockPool.on('error', () => undefined);
  const leader = runAsLeader({
    database: { ...database, pool: lockPool },
    logger: deps.logger,
    key: ALERTS_LOCK_KEY,
    leadMessage: 'this process now checks the operator alerts',
    lead: () => {
      ledLast = true;
      return { stop: async () => undefined };
    },
  });
  // Bounded: a pool waiting for a free connection would otherwise hold this loop forever.
  const databaseDown = () =>
    Promise.race([
      ping().then(
        () => false,
        () => true,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 3000).unref()),
    ]);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      if (leader.leading()) await monitor.tick();
      else if (ledLast) {
        if (await databaseDown()) await monitor.tick();
        else ledLast = false; // back: whoever takes the lock now checks
      }
    } catch (error) {
      deps.logger.warn({ err: error }, 'alert check round failed');
    } finally {
      running = false;
    }
  }, deps.intervalMs ?? 30_000);
  timer.unref();
  return {
    monitor: { ...monitor, leading: () => leader.leading() },
    async databaseLost(error) {
      if (!leader.leading() && !ledLast) return; // another process speaks for the deployment
      await Promise.race([
        monitor.announce('database', { error: error.message.slice(0, 200) }),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
    },
    async stop() {
      clearInterval(timer);
      await leader.stop();
      await lockPool.end().catch(() => undefined);
    },
  };
}

function alertTexts() {
  const i18n = new I18n({ defaultLocale: 'en', fluentBundleOptions: { useIsolating: false } });
  for (const language of ['en', 'ru'])
    i18n.loadLocaleSync(language, { filePath: `${ALERTS_LOCALES_DIR}/${language}.ftl` });
  return i18n;
}

export type { AlertName };
