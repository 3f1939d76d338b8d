/** Time source; tests may inject their own. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}

/** Pino-like logger port; every method is optional-tolerant via `noopLogger`. */
export interface SandboxLogger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

const noop = (): void => {};
export const noopLogger: SandboxLogger = { info: noop, warn: noop, error: noop, debug: noop };
