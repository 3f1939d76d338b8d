import { tooManyRequests } from '../core/api-error.ts';
import type { Clock } from '../core/clock.ts';

/** Telegram's published send limits; rates are tokens per second, bursts are bucket sizes. */
export interface LimitsConfig {
  enabled: boolean;
  per_chat_per_second: number;
  per_chat_burst: number;
  per_group_per_minute: number;
  global_per_second: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  enabled: true,
  per_chat_per_second: 1,
  per_chat_burst: 3,
  per_group_per_minute: 20,
  global_per_second: 30,
};

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  config(): LimitsConfig;
  configure(patch: Partial<LimitsConfig>): LimitsConfig;
  /** Consumes one send for the chat or throws Telegram's 429 with retry_after. */
  consume(chatId: number, isGroup: boolean): void;
  reset(): void;
}

export function createRateLimiter(clock: Clock, initial: Partial<LimitsConfig> = {}): RateLimiter {
  let config: LimitsConfig = { ...DEFAULT_LIMITS, ...initial };
  let buckets = new Map<string, Bucket>();

  const refill = (key: string, ratePerSec: number, burst: number): Bucket => {
    const now = clock.now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSec);
    bucket.at = now;
    buckets.set(key, bucket);
    return bucket;
  };

  return {
    config: () => ({ ...config }),
    configure(patch) {
      config = { ...config, ...patch };
      buckets = new Map();
      return { ...config };
    },
    consume(chatId, isGroup) {
      if (!config.enabled) return;
      const checks: Array<[Bucket, number]> = [
        [refill('global', config.global_per_second, config.global_per_second), config.global_per_second],
        [
          refill(`chat:${chatId}`, config.per_chat_per_second, config.per_chat_burst),
          config.per_chat_per_second,
        ],
      ];
      if (isGroup) {
        const rate = config.per_group_per_minute / 60;
        checks.push([refill(`group:${chatId}`, rate, config.per_group_per_minute), rate]);
      }
      const waits = checks.map(([bucket, rate]) => (bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / rate));
      const wait = Math.max(...waits);
      if (wait > 0) throw tooManyRequests(Math.max(1, Math.ceil(wait)));
      for (const [bucket] of checks) bucket.tokens -= 1;
    },
    reset() {
      buckets = new Map();
    },
  };
}
