import type { ResponseParameters } from '@grammyjs/types';
import { Hono } from 'hono';
import { BotApiError } from '../core/api-error.ts';
import type { CallbackRegistry } from '../core/callbacks.ts';
import type { SandboxContext } from '../core/context.ts';
import { refuseBotApiRequest } from '../security/request-guard.ts';
import type { WebhookDelivery } from '../updates/webhook-delivery.ts';
import type { CallLog, FaultInjector } from './faults.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import { createChatMethods } from './methods-chats.ts';
import { createForwardMethods } from './methods-forward.ts';
import { createMediaMethods } from './methods-media.ts';
import { createMessageMethods } from './methods-messages.ts';
import { createSettingsMethods } from './methods-settings.ts';
import { createUpdateMethods } from './methods-updates.ts';
import { createParams, describeParams, type RawParams } from './params.ts';
import type { RateLimiter } from './rate-limiter.ts';

export type Envelope =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface BotApiDeps {
  ctx: SandboxContext;
  limiter: RateLimiter;
  callbacks: CallbackRegistry;
  faults: FaultInjector;
  calls: CallLog;
  webhook: () => WebhookDelivery;
}

export interface BotApi {
  routes: Hono;
  /** Runs one Bot API method exactly as an HTTP call would (used for webhook replies too). */
  execute(method: string, raw: RawParams, signal?: AbortSignal): Promise<Envelope>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function errorEnvelope(error: BotApiError): Envelope {
  return {
    ok: false,
    error_code: error.code,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  };
}

/** Query string plus JSON, urlencoded or multipart body, merged like Telegram does. */
async function readParams(request: Request): Promise<RawParams> {
  const url = new URL(request.url);
  const params: RawParams = Object.fromEntries(url.searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const text = await request.text();
    if (text.trim() === '') return params;
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null ? { ...params, ...(body as RawParams) } : params;
  }
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    const form = await request.formData();
    for (const [key, value] of form.entries()) params[key] = value;
  }
  return params;
}

export function createBotApi(deps: BotApiDeps): BotApi {
  const { ctx } = deps;
  const methods: MethodTable = {
    ...createUpdateMethods(),
    ...createMessageMethods(),
    ...createMediaMethods(),
    ...createChatMethods(),
    ...createForwardMethods(),
    ...createSettingsMethods(),
  };

  async function execute(method: string, raw: RawParams, signal?: AbortSignal): Promise<Envelope> {
    const env: MethodEnv = {
      ctx,
      limiter: deps.limiter,
      callbacks: deps.callbacks,
      webhook: deps.webhook(),
      signal: signal ?? new AbortController().signal,
    };
    let envelope: Envelope;
    const fault = deps.faults.take(method);
    if (fault?.delayMs) await sleep(fault.delayMs);
    const handler = methods[method.toLowerCase()];
    if (fault?.error) envelope = errorEnvelope(fault.error);
    else if (!handler) envelope = { ok: false, error_code: 404, description: 'Not Found' };
    else {
      try {
        envelope = { ok: true, result: await handler(createParams(raw), env) };
      } catch (error) {
        if (error instanceof BotApiError) envelope = errorEnvelope(error);
        else {
          ctx.logger.error({ err: error, method }, 'sandbox Bot API method crashed');
          envelope = { ok: false, error_code: 500, description: 'Internal Server Error' };
        }
      }
    }
    deps.calls.record({
      method,
      params: describeParams(raw),
      at: new Date(ctx.clock.now()).toISOString(),
      response_ok: envelope.ok,
      ...(envelope.ok ? {} : { error_code: envelope.error_code, description: envelope.description }),
    });
    return envelope;
  }

  const routes = new Hono();
  const unauthorized = { ok: false, error_code: 401, description: 'Unauthorized' } as const;
  const notFound = { ok: false, error_code: 404, description: 'Not Found' } as const;

  routes.all('/:seg{bot[^/]+}/:method', async (c) => {
    if (c.req.param('seg').slice(3) !== ctx.token) return c.json(unauthorized, 401);
    const refused = refuseBotApiRequest(c.req.raw, c.req.param('method'));
    if (refused) {
      const code = refused.startsWith('Forbidden') ? 403 : 405;
      return c.json({ ok: false, error_code: code, description: refused }, code);
    }
    let raw: RawParams;
    try {
      raw = await readParams(c.req.raw);
    } catch {
      return c.json(
        { ok: false, error_code: 400, description: "Bad Request: can't parse request body" },
        400,
      );
    }
    const envelope = await execute(c.req.param('method'), raw, c.req.raw.signal);
    const status = envelope.ok ? 200 : envelope.error_code;
    return c.json(envelope, status as 200);
  });
  routes.all('/:seg{bot[^/]+}', (c) => c.json(notFound, 404));
  routes.get('/file/:seg{bot[^/]+}/*', (c) => {
    if (c.req.param('seg').slice(3) !== ctx.token) return c.json(unauthorized, 401);
    const prefix = `/file/${c.req.param('seg')}/`;
    const path = decodeURIComponent(new URL(c.req.url).pathname).split(prefix)[1] ?? '';
    const file = [...ctx.store.files.values()].find((f) => f.file_path === path);
    if (!file) return c.json(notFound, 404);
    return c.body(new Uint8Array(file.data), 200, {
      'content-type': file.mime_type,
      'content-length': String(file.size),
    });
  });
  return { routes, execute };
}
