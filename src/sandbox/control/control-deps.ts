import type { Context } from 'hono';
import type { z } from 'zod';
import type { CallLog, FaultInjector } from '../bot-api/faults.ts';
import type { RateLimiter } from '../bot-api/rate-limiter.ts';
import { ControlError } from '../core/api-error.ts';
import type { CallbackRegistry } from '../core/callbacks.ts';
import type { SandboxContext } from '../core/context.ts';

export interface ControlDeps {
  ctx: SandboxContext;
  callbacks: CallbackRegistry;
  faults: FaultInjector;
  calls: CallLog;
  limiter: RateLimiter;
  /** Clears all state (users, chats, updates, webhook, faults, calls). */
  reset(): void;
}

/** Parses a JSON body against a schema; any problem becomes a 400 naming the fields. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ControlError(400, 'request body must be valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    throw new ControlError(400, `invalid request body: ${summary}`, errors);
  }
  return parsed.data;
}

/** An optional integer query/path parameter; garbage is a 400, not a silent default. */
export function intParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw new ControlError(400, `${name} must be an integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new ControlError(400, `${name} must be an integer`);
  return n;
}

export function requireIntParam(value: string | undefined, name: string): number {
  const n = intParam(value, name);
  if (n === undefined) throw new ControlError(400, `${name} is required`);
  return n;
}

export function problemBody(error: ControlError) {
  const titles = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' } as const;
  return {
    type: 'about:blank',
    title: titles[error.status],
    status: error.status,
    detail: error.message,
    ...(error.details !== undefined ? { errors: error.details } : {}),
  };
}
