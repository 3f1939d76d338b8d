import type { Update } from '@grammyjs/types';
import { unixSeconds } from '../core/clock.ts';
import type { SandboxContext } from '../core/context.ts';

export interface WebhookDelivery {
  /** Re-reads ctx.webhook.config: starts, retargets or stops delivery. */
  reconfigure(): void;
  stop(): Promise<void>;
}

export interface WebhookDeliveryDeps {
  ctx: SandboxContext;
  /** Runs a method the bot returned in its webhook response body (Telegram's "webhook reply"). */
  executeReply(method: string, params: Record<string, unknown>): Promise<void>;
  retryBaseMs?: number;
  retryMaxMs?: number;
  timeoutMs?: number;
}

/** Updates of one chat (or one user) must arrive in order; others may go in parallel. */
function orderingKey(update: Update): string {
  const body = Object.values(update).find((v) => typeof v === 'object' && v !== null) as
    | {
        chat?: { id: number };
        message?: { chat?: { id: number } };
        from?: { id: number };
        user?: { id: number };
      }
    | undefined;
  const id = body?.chat?.id ?? body?.message?.chat?.id ?? body?.from?.id ?? body?.user?.id;
  return id === undefined ? `update:${update.update_id}` : `chat:${id}`;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (cause === 'ECONNREFUSED') return 'Connection refused';
  if (cause === 'ENOTFOUND') return 'Failed to resolve host: Name or service not known';
  if ((error as Error).name === 'TimeoutError') return 'Read timeout expired';
  return `Connection error: ${(error as Error).message}`;
}

/** POSTs pending updates to the webhook URL, retrying failures with exponential backoff. */
export function createWebhookDelivery(deps: WebhookDeliveryDeps): WebhookDelivery {
  const { ctx } = deps;
  const retryBase = deps.retryBaseMs ?? 500;
  const retryMax = deps.retryMaxMs ?? 60_000;
  const inFlight = new Map<number, { controller: AbortController; done: Promise<void> }>();
  const retries = new Map<number, { attempt: number; at: number }>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = (): void => {
    clearTimeout(timer);
    const waits = [...retries.values()].map((r) => r.at - Date.now()).filter((ms) => ms > 0);
    if (waits.length > 0) timer = setTimeout(pump, Math.min(...waits));
  };

  function pump(): void {
    const config = ctx.webhook.config;
    if (stopped || !config) return;
    const busy = new Set<string>();
    const pendingIds = new Set<number>();
    for (const update of ctx.updates.pending()) {
      pendingIds.add(update.update_id);
      const key = orderingKey(update);
      if (busy.has(key)) continue;
      busy.add(key);
      if (inFlight.has(update.update_id)) continue;
      if ((retries.get(update.update_id)?.at ?? 0) > Date.now()) continue;
      if (inFlight.size >= config.max_connections) break;
      deliver(update, config.url, config.secret_token);
    }
    for (const id of retries.keys()) if (!pendingIds.has(id)) retries.delete(id);
    schedule();
  }

  function fail(update: Update, message: string): void {
    const config = ctx.webhook.config;
    if (config) {
      config.last_error_date = unixSeconds(ctx.clock);
      config.last_error_message = message;
    }
    const attempt = (retries.get(update.update_id)?.attempt ?? 0) + 1;
    retries.set(update.update_id, {
      attempt,
      at: Date.now() + Math.min(retryMax, retryBase * 2 ** (attempt - 1)),
    });
    ctx.logger.debug({ update_id: update.update_id, attempt, message }, 'sandbox webhook delivery failed');
  }

  function deliver(update: Update, url: string, secret: string | undefined): void {
    const controller = new AbortController();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
    const done = (async () => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(update),
          signal: AbortSignal.any([controller.signal, AbortSignal.timeout(deps.timeoutMs ?? 60_000)]),
        });
        const body = await response.text();
        if (controller.signal.aborted) return;
        if (!response.ok) {
          fail(update, `Wrong response from the webhook: ${response.status} ${response.statusText}`.trim());
          return;
        }
        ctx.updates.remove(update.update_id);
        retries.delete(update.update_id);
        ctx.changed();
        await runReply(body);
      } catch (error) {
        if (!controller.signal.aborted) fail(update, describeNetworkError(error));
      } finally {
        if (inFlight.get(update.update_id)?.controller === controller) inFlight.delete(update.update_id);
        if (!controller.signal.aborted) pump();
      }
    })();
    inFlight.set(update.update_id, { controller, done });
  }

  async function runReply(body: string): Promise<void> {
    if (!body.trim().startsWith('{')) return;
    try {
      const { method, ...params } = JSON.parse(body) as { method?: unknown };
      if (typeof method === 'string') await deps.executeReply(method, params);
    } catch (error) {
      ctx.logger.debug({ err: error }, 'sandbox ignored an unparsable webhook reply');
    }
  }

  const unsubscribe = ctx.updates.onPush(() => queueMicrotask(pump));

  return {
    reconfigure() {
      for (const { controller } of inFlight.values()) controller.abort();
      inFlight.clear();
      retries.clear();
      pump();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      const running = [...inFlight.values()];
      for (const { controller } of running) controller.abort();
      await Promise.allSettled(running.map((r) => r.done));
    },
  };
}
