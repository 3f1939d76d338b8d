import type { MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors/domain-error.ts';
import type { AppEnv } from './app-env.ts';

export interface UserRateLimit {
  /** Requests a user may make per window. */
  points: number;
  windowSeconds: number;
}

export const DEFAULT_USER_RATE_LIMIT: UserRateLimit = { points: 120, windowSeconds: 60 };

/**
 * Per-user API rate limit (after authentication). Counted in this process: with N `serve`
 * processes behind a balancer a user gets up to N× the budget, which still stops a runaway client.
 */
export function rateLimitPerUser(limit: UserRateLimit = DEFAULT_USER_RATE_LIMIT): MiddlewareHandler<AppEnv> {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds });
  return async (c, next) => {
    try {
      const res = await limiter.consume(c.get('user').id);
      c.header('RateLimit-Remaining', String(res.remainingPoints));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        `Too many requests: try again in ${retryAfter} s`,
        {
          retry_after: retryAfter,
        },
      );
    }
    await next();
  };
}
