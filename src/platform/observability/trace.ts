import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** The trace id of the current update / request / job, carried through every await. */
const storage = new AsyncLocalStorage<{ traceId: string }>();

export function newTraceId(): string {
  return randomBytes(8).toString('hex');
}

export function currentTraceId(): string | undefined {
  return storage.getStore()?.traceId;
}

export function withTrace<T>(traceId: string, fn: () => T): T {
  return storage.run({ traceId }, fn);
}
