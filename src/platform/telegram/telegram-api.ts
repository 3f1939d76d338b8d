import { Api } from 'grammy';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { TelegramLimits } from './rate-limit-rules.ts';
import {
  createDbRateLimitStore,
  createRateLimiter,
  type TelegramClock,
  type TelegramRateLimiter,
} from './rate-limiter.ts';
import { createTelegramFetch } from './telegram-fetch.ts';
import { telegramCounters } from './telegram-metrics.ts';
import { createTelegramTransformer, type SendPolicy } from './telegram-transformer.ts';

export interface TelegramApiDeps {
  token: string;
  /** Bot API root, e.g. https://api.telegram.org or the sandbox's URL. */
  apiRoot: string;
  database: Database;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** Telegram's limits as this deployment keeps them; 'off' for benchmarks (429s are still honoured). */
  limits: TelegramLimits | 'off';
  clock?: TelegramClock;
  /** Retry policy for calls made outside {@link withSendPolicy}; defaults to INTERACTIVE_POLICY. */
  policy?: Partial<SendPolicy>;
  /**
   * Per-request HTTP timeout, default 30 s (grammY's own 500 s is for long polling, which this
   * client does not do). Must stay well under the notify queue's expireInSeconds.
   */
  timeoutSeconds?: number;
  /** Aborted at shutdown: every wait and request of this client ends at once. */
  shutdown?: AbortSignal;
}

/** Everything the client shares with a Bot whose `api` should go through the same limits. */
export interface TelegramClient {
  api: Api;
  limiter: TelegramRateLimiter;
  /** Install on another grammY Api (e.g. `bot.api.config`) so its calls obey the same rules. */
  transformer: ReturnType<typeof createTelegramTransformer>;
}

/**
 * The one client for every call to Telegram: a grammY `Api` whose calls go through the limiter and
 * retry transformer. Give the bot the same rules with `bot.api.config.use(client.transformer)`.
 * Do not call it inside an open database transaction: on embedded PGlite (one connection) the
 * limiter's query would wait for that transaction forever.
 */
export function createTelegramClient(deps: TelegramApiDeps): TelegramClient {
  const limiter = createRateLimiter({
    store: createDbRateLimitStore(deps.database),
    limits: deps.limits,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const transformer = createTelegramTransformer({
    limiter,
    raw: deps.database.raw,
    logger: deps.logger,
    counters: telegramCounters(deps.metrics?.registry),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.policy ? { policy: deps.policy } : {}),
    ...(deps.shutdown ? { shutdown: deps.shutdown } : {}),
  });
  const api = new Api(deps.token, {
    apiRoot: deps.apiRoot,
    timeoutSeconds: deps.timeoutSeconds ?? 30,
    fetch: createTelegramFetch(),
  });
  api.config.use(transformer);
  return { api, limiter, transformer };
}

/** A grammY `Api` with the client's transformer installed (see {@link createTelegramClient}). */
export function createTelegramApi(deps: TelegramApiDeps): Api {
  return createTelegramClient(deps).api;
}
