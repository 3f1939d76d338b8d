import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transformer } from 'grammy';
import type { RawSql } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { markBlocked } from './blocked-users.ts';
import type { TelegramRateLimiter } from './rate-limiter.ts';
import { BotBlockedError, classifyResponse, TelegramRetryLaterError } from './telegram-errors.ts';
import type { TelegramCounters } from './telegram-metrics.ts';

/** How hard one call tries before it gives the failure back to its caller. */
export interface SendPolicy {
  /** Attempts in all (1 = never retry) for 429s, 5xx and network errors. */
  maxAttempts: number;
  /** The longest wait for a limiter slot slept through; longer ones throw TelegramRetryLaterError. */
  maxWaitSeconds: number;
  /**
   * The longest 429 retry_after slept through; longer ones throw TelegramRetryLaterError. Jobs use
   * 0: a job rescheduled for later frees its worker slot, one sleeping here holds it.
   */
  maxRetryAfterSeconds: number;
  /** First backoff after a 5xx / network error; doubles per attempt, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** For calls made while handling an update: a user is waiting, but a webhook must answer within ~60 s. */
export const INTERACTIVE_POLICY: SendPolicy = {
  maxAttempts: 5,
  maxWaitSeconds: 30,
  maxRetryAfterSeconds: 30,
  baseDelayMs: 500,
  maxDelayMs: 8000,
};

/**
 * For calls made while handling a stored update (a job): short in-slot waits only. A 429 or a
 * longer limiter wait throws TelegramRetryLaterError and the update is rescheduled for then, which
 * frees the worker slot for other chats instead of sleeping in it.
 */
export const UPDATE_POLICY: SendPolicy = {
  maxAttempts: 3,
  maxWaitSeconds: 3,
  maxRetryAfterSeconds: 0,
  baseDelayMs: 250,
  maxDelayMs: 2000,
};

const policyStorage = new AsyncLocalStorage<SendPolicy>();

/**
 * Runs `fn` with another send policy for every call it makes through the client. Jobs use it to
 * give long waits back to the queue (which keeps them across restarts) instead of sleeping.
 */
export function withSendPolicy<T>(policy: SendPolicy, fn: () => T): T {
  return policyStorage.run(policy, fn);
}

/**
 * Methods that count against Telegram's send limits. Edits count too: Telegram answers floods of
 * edits with 429s just like sends, and a bot that animates a message by editing it must not starve
 * its own notifications. Reading methods, deletions, chat actions and callback answers do not.
 */
export const LIMITED_METHODS: ReadonlySet<string> = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendVoice',
  'sendAudio',
  'sendVideo',
  'sendVideoNote',
  'sendAnimation',
  'sendSticker',
  'sendLocation',
  'sendVenue',
  'sendContact',
  'sendPoll',
  'sendDice',
  'sendInvoice',
  'sendMediaGroup',
  'sendPaidMedia',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
  'editMessageText',
  'editMessageCaption',
  'editMessageMedia',
  'editMessageReplyMarkup',
  'editMessageLiveLocation',
]);

export interface TransformerDeps {
  limiter: TelegramRateLimiter;
  raw: RawSql;
  logger: Logger;
  counters?: TelegramCounters | undefined;
  clock?: { now(): Date };
  policy?: Partial<SendPolicy>;
  /** Injected in tests; defaults to a timer that honours the call's abort signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Aborted when the process shuts down: every wait ends at once and no new request starts; a
   * request already on the wire gets `shutdownGraceMs` to come back (see {@link afterGrace}). So
   * shutdown is bounded whatever Telegram does; the work cut short is retried later.
   */
  shutdown?: AbortSignal;
  /** How long a request in flight at shutdown may still finish; default 1 s (a sendMessage usually answers in well under that). */
  shutdownGraceMs?: number;
}

/**
 * A signal aborted `graceMs` after `signal`. Aborting a request that already left cuts only our
 * side: Telegram may have sent the message anyway, and the reply log cannot tell (it would have to
 * count it as ambiguous or risk a duplicate). On a graceful stop a request on the wire normally
 * answers within milliseconds, so it is let finish; only one Telegram leaves hanging is cut.
 */
export function afterGrace(signal: AbortSignal, graceMs: number): AbortSignal {
  const controller = new AbortController();
  const cut = () => setTimeout(() => controller.abort(signal.reason), graceMs).unref();
  if (signal.aborted) cut();
  else signal.addEventListener('abort', cut, { once: true });
  return controller.signal;
}

/**
 * The one API transformer every call to Telegram goes through: waits for a rate-limit slot,
 * honours 429 retry_after (pausing the chat for every process), retries 5xx and network errors
 * with jittered exponential backoff, and turns "bot was blocked" into a marked user and a
 * {@link BotBlockedError}. Other failures come back unchanged, so grammY throws its usual GrammyError.
 */
export function createTelegramTransformer(deps: TransformerDeps): Transformer {
  const { limiter, raw, counters } = deps;
  const log = deps.logger.child({ component: 'telegram' });
  const clock = deps.clock ?? { now: () => new Date() };
  const sleep = deps.sleep ?? abortableSleep;
  const basePolicy: SendPolicy = { ...INTERACTIVE_POLICY, ...deps.policy };
  const inFlightCut = deps.shutdown ? afterGrace(deps.shutdown, deps.shutdownGraceMs ?? 1000) : undefined;

  return async (prev, method, payload, grammySignal) => {
    // grammY types its signal with the abort-controller polyfill's class; at runtime it is the
    // platform's AbortSignal, which is what our sleep listens to.
    const callSignal = grammySignal as unknown as AbortSignal | undefined;
    const signal =
      deps.shutdown && callSignal
        ? AbortSignal.any([deps.shutdown, callSignal])
        : (deps.shutdown ?? callSignal);
    // Waits end at shutdown; a request already sent gets the grace (see afterGrace).
    const requestSignal =
      inFlightCut && callSignal ? AbortSignal.any([inFlightCut, callSignal]) : (inFlightCut ?? callSignal);
    const passSignal = requestSignal as unknown as typeof grammySignal;
    const policy = policyStorage.getStore() ?? basePolicy;
    const chatId = chatIdOf(payload);
    const limited = LIMITED_METHODS.has(method);
    const count = (outcome: string) => counters?.requests.inc({ method, outcome });

    for (let attempt = 1; ; attempt++) {
      if (limited) {
        // The chat's slot first, then — once that wait is over — a global one, so a chat that must
        // wait never holds a global slot other chats could use meanwhile.
        for (const reserve of [() => limiter.reserveChat(chatId), () => limiter.reserveGlobal()]) {
          const { waitMs, allowedAtMs } = await reserve();
          if (waitMs > policy.maxWaitSeconds * 1000) {
            count('deferred');
            throw new TelegramRetryLaterError(method, new Date(allowedAtMs), 'send limit reached');
          }
          if (waitMs > 0) await sleep(waitMs, signal);
        }
      }

      let response: Awaited<ReturnType<typeof prev>>;
      try {
        if (signal?.aborted) throw signal.reason;
        response = await prev(method, payload, passSignal);
      } catch (error) {
        count('network_error');
        if (signal?.aborted || attempt >= policy.maxAttempts) throw error;
        const delay = backoff(policy, attempt);
        log.warn({ method, attempt, delay_ms: delay, err: error }, 'telegram unreachable, retrying');
        await sleep(delay, signal);
        continue;
      }
      if (response.ok) {
        count('ok');
        return response;
      }

      const kind = classifyResponse(response.error_code, response.description, chatId);
      if (kind === 'retry_after') {
        count('rate_limited');
        const seconds = response.parameters?.retry_after ?? 1;
        const untilMs = clock.now().getTime() + seconds * 1000;
        // Stored before anything else, so every process's next slot for this chat waits it out.
        if (limited) await limiter.pause(chatId, untilMs);
        log.warn({ method, chat_id: chatId, retry_after: seconds, attempt }, 'telegram 429');
        if (attempt >= policy.maxAttempts || seconds > policy.maxRetryAfterSeconds) {
          throw new TelegramRetryLaterError(method, new Date(untilMs), response.description);
        }
        // A limited method's next reservation waits for the stored pause; others wait here.
        if (!limited || !limiter.enabled) await sleep(seconds * 1000, signal);
        continue;
      }
      if (kind === 'transient') {
        count('server_error');
        if (attempt >= policy.maxAttempts || signal?.aborted) return response;
        const delay = backoff(policy, attempt);
        log.warn({ method, status: response.error_code, attempt, delay_ms: delay }, 'telegram 5xx, retrying');
        await sleep(delay, signal);
        continue;
      }
      if (kind === 'blocked' && chatId !== null) {
        count('blocked');
        const telegramId = Number(chatId);
        if (Number.isSafeInteger(telegramId) && telegramId > 0) await markBlocked(raw, telegramId);
        log.info({ method, chat_id: chatId, description: response.description }, 'user blocked the bot');
        throw new BotBlockedError(chatId, response.description);
      }
      // A rejected token (401) gets its own outcome: the operator alert and dashboards watch it.
      count(response.error_code === 401 ? 'unauthorized' : 'client_error');
      return response;
    }
  };
}

function chatIdOf(payload: unknown): number | string | null {
  if (!payload || typeof payload !== 'object') return null;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === 'number' || typeof chatId === 'string' ? chatId : null;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many callers spread out. */
export function backoff(policy: SendPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
