import type { CallbackRegistry } from '../core/callbacks.ts';
import type { SandboxContext } from '../core/context.ts';
import type { WebhookDelivery } from '../updates/webhook-delivery.ts';
import type { Params } from './params.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** What a Bot API method handler may use. */
export interface MethodEnv {
  ctx: SandboxContext;
  limiter: RateLimiter;
  callbacks: CallbackRegistry;
  webhook: WebhookDelivery;
  /** Aborted when the HTTP caller goes away (long polls stop waiting). */
  signal: AbortSignal;
}

export type MethodHandler = (params: Params, env: MethodEnv) => unknown;

export type MethodTable = Record<string, MethodHandler>;
