import { APICallError } from 'ai';
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  isTaskCancelledError,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { ResilienceConfig } from './ai-config.ts';

export interface ResiliencePolicy {
  /** Runs `fn` with a per-attempt timeout, retries on transient failures, behind the circuit breaker. */
  run<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  state(): 'closed' | 'open' | 'half-open';
}

export interface ResilienceHooks {
  onRetry?(info: { attempt: number; delayMs: number; error: unknown }): void;
  onBreak?(): void;
  onReset?(): void;
}

/** 429, 408, 5xx, timeouts and network failures are worth another try; 4xx and bad output are not. */
export function isTransient(error: unknown): boolean {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    return status === undefined ? true : status === 408 || status === 429 || status >= 500;
  }
  if (error instanceof Error) {
    // cockatiel's own guard misses its timeout error when CJS and ESM copies meet; match the class name too.
    if (isTaskCancelledError(error) || error.constructor.name === 'TaskCancelledError') return true;
    const cause = (error as { cause?: unknown }).cause;
    return (
      error.name === 'TimeoutError' ||
      /fetch failed|ECONNRE|ETIMEDOUT|socket/i.test(`${error.message} ${cause}`)
    );
  }
  return false;
}

/** Milliseconds a 429/503 asks us to wait: retry-after-ms, or retry-after in seconds or as an HTTP date. */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function createResiliencePolicy(
  config: ResilienceConfig,
  hooks: ResilienceHooks = {},
): ResiliencePolicy {
  const transient = handleWhen((error) => isTransient(error));
  const backoff = new DelegateBackoff<{ attempt: number; result: unknown }>((context) => {
    const failure = context.result as { error?: unknown };
    const asked = APICallError.isInstance(failure.error) ? retryAfterMs(failure.error.responseHeaders) : null;
    // Full jitter around the exponential step keeps many clients from retrying in lockstep.
    const exponential = config.retryBaseMs * 2 ** (context.attempt - 1) * (0.5 + Math.random() / 2);
    return Math.min(asked ?? exponential, config.maxRetryDelayMs);
  });
  const retryPolicy = retry(transient, { maxAttempts: config.maxRetries, backoff });
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: config.breakerCooldownMs,
    breaker: new ConsecutiveBreaker(config.breakerFailures),
  });
  const perAttempt = timeout(config.timeoutMs, TimeoutStrategy.Aggressive);
  retryPolicy.onRetry((e) =>
    hooks.onRetry?.({ attempt: e.attempt, delayMs: e.delay, error: 'error' in e ? e.error : e }),
  );
  breaker.onBreak(() => hooks.onBreak?.());
  breaker.onReset(() => hooks.onReset?.());
  const policy = wrap(retryPolicy, breaker, perAttempt);
  return {
    run: (fn, signal) => policy.execute(({ signal: attemptSignal }) => fn(attemptSignal), signal),
    state: () =>
      breaker.state === CircuitState.Open || breaker.state === CircuitState.Isolated
        ? 'open'
        : breaker.state === CircuitState.HalfOpen
          ? 'half-open'
          : 'closed',
  };
}
