import type { UserFromGetMe } from '@grammyjs/types';
import { Hono, type MiddlewareHandler } from 'hono';
import { createBotApi } from './bot-api/bot-api-routes.ts';
import { createCallLog, createFaultInjector } from './bot-api/faults.ts';
import { createRateLimiter, type LimitsConfig } from './bot-api/rate-limiter.ts';
import { createControlRoutes } from './control/control-routes.ts';
import { createUiRoutes } from './control/ui-static.ts';
import { createCallbackRegistry } from './core/callbacks.ts';
import { type Clock, noopLogger, type SandboxLogger, systemClock } from './core/clock.ts';
import type { SandboxContext } from './core/context.ts';
import { createEventHub } from './core/event-hub.ts';
import { createStatePersister, loadState, type StatePersister } from './core/persistence.ts';
import { clearStore, createStore } from './core/store.ts';
import { hostGuard } from './security/host-guard.ts';
import { createUpdateQueue } from './updates/update-queue.ts';
import { createWebhookDelivery, type WebhookDelivery } from './updates/webhook-delivery.ts';

export type { LimitsConfig } from './bot-api/rate-limiter.ts';
export type { Clock, SandboxLogger } from './core/clock.ts';

export interface SandboxOptions {
  /** Bot token `<id>:<secret>`; the bot's user id is the numeric prefix. */
  token: string;
  botUsername?: string | undefined;
  botFirstName?: string | undefined;
  /** Mini App URL used when no web_app menu button is set. */
  webAppUrl?: string | undefined;
  /** Telegram's send limits (on by default); `false` disables, an object tunes them. */
  limits?: boolean | Partial<LimitsConfig> | undefined;
  /** JSON file to persist state across restarts (debounced, atomic rename). */
  stateFile?: string | undefined;
  logger?: SandboxLogger | undefined;
  clock?: Clock | undefined;
  /** Hosts besides loopback that setWebhook accepts (e.g. the server's own non-loopback HOST). */
  webhookHosts?: readonly string[] | undefined;
  /**
   * Names besides loopback and IP addresses a request may address the sandbox by (its HOST, the
   * PUBLIC_URL's host): any other Host header is refused with 421, against DNS rebinding.
   */
  hosts?: readonly string[] | undefined;
  /** First webhook retry delay; doubles per attempt up to a minute (Telegram-like backoff). */
  webhookRetryBaseMs?: number | undefined;
}

export interface Sandbox {
  /** Handles /bot<token>/<method>, /file/bot<token>/<path> and /sandbox/*. */
  app: Hono;
  /** The same Host/Origin check for a host app's other routes (the Mini App and API in sandbox mode). */
  guard: MiddlewareHandler;
  token: string;
  botInfo: UserFromGetMe;
  /** Stops webhook delivery and timers, ends SSE streams, flushes the state file. */
  close(): Promise<void>;
}

export function parseBotToken(token: string): number {
  const match = /^(\d{1,15}):[A-Za-z0-9_-]{1,100}$/.exec(token);
  if (!match) throw new Error('sandbox token must look like "<numeric id>:<secret>"');
  return Number(match[1]);
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const botId = parseBotToken(options.token);
  const botInfo: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: options.botFirstName ?? 'Sandbox Bot',
    username: options.botUsername ?? 'sandbox_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: Boolean(options.webAppUrl),
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  } as UserFromGetMe;
  let persister: StatePersister | undefined;
  const ctx: SandboxContext = {
    token: options.token,
    bot: botInfo,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? noopLogger,
    store: createStore(),
    events: createEventHub(),
    updates: createUpdateQueue(),
    webhook: { config: undefined },
    webAppUrl: options.webAppUrl,
    webhookHosts: (options.webhookHosts ?? []).map((h) => h.toLowerCase()),
    changed: () => persister?.schedule(),
  };
  if (options.stateFile) {
    loadState(options.stateFile, ctx);
    persister = createStatePersister(options.stateFile, ctx, ctx.logger);
  }
  const limitOptions =
    typeof options.limits === 'object' ? options.limits : { enabled: options.limits ?? true };
  const limiter = createRateLimiter(ctx.clock, limitOptions);
  const callbacks = createCallbackRegistry(ctx.events);
  const faults = createFaultInjector();
  const calls = createCallLog();
  const closing = new AbortController();

  let webhook: WebhookDelivery | undefined;
  const botApi = createBotApi({ ctx, limiter, callbacks, faults, calls, webhook: () => webhook! });
  webhook = createWebhookDelivery({
    ctx,
    retryBaseMs: options.webhookRetryBaseMs,
    executeReply: async (method, params) => {
      await botApi.execute(method, params);
    },
  });
  webhook.reconfigure();

  const reset = (): void => {
    clearStore(ctx.store);
    ctx.updates.clear();
    ctx.webhook.config = undefined;
    webhook?.reconfigure();
    callbacks.clear();
    faults.clear();
    calls.clear();
    limiter.reset();
    ctx.events.emit({ type: 'reset', data: {} });
    ctx.changed();
  };

  const policy = { hosts: options.hosts ?? [] };
  const guard = hostGuard(policy);
  const app = new Hono();
  // Scoped to the sandbox's own paths: mounted at the root of a host app, a `*` middleware would
  // also run for that app's later routes.
  app.use('*', hostGuard(policy, isSandboxPath));
  app.route('/', botApi.routes);
  app.route(
    '/sandbox/api',
    createControlRoutes({ ctx, callbacks, faults, calls, limiter, reset }, closing.signal),
  );
  app.route('/', createUiRoutes());

  return {
    app,
    guard,
    token: options.token,
    botInfo,
    async close() {
      closing.abort();
      await webhook?.stop();
      await persister?.flush();
    },
  };
}

/** The paths the sandbox itself serves: its UI and control API, the Bot API and its files. */
const isSandboxPath = (path: string) =>
  path === '/sandbox' || path.startsWith('/sandbox/') || /^\/(file\/)?bot[^/]+(\/|$)/.test(path);
