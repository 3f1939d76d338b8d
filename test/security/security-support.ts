import { SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { deriveKey } from '../../src/platform/crypto/keys.ts';
import { buildInitData } from '../../src/sandbox/control/web-app-init-data.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

export const ADMIN_TELEGRAM_ID = 990_001;
const ENCRYPTION_KEY = 'security-tests-key-0123456789abcdefghij';

export interface Caller {
  token: string;
  userId: string;
  telegramId: number;
}

export interface OpenApiOperation {
  method: string;
  path: string;
  secured: boolean;
  params: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: Record<string, unknown> }>;
  body: Record<string, unknown> | null;
}

export interface SecuritySystem {
  t: TestSystem;
  url: string;
  webhookSecret: string;
  login(telegramId: number, firstName: string): Promise<Caller>;
  operations(): Promise<OpenApiOperation[]>;
  /** Row counts of every application table, in one query. */
  snapshot(): Promise<Record<string, number>>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; type: string; ms: number; text: string }>;
}

/** The whole system over real HTTP, webhook ingress on, a known admin, the API rate limit out of the way. */
export async function startSecuritySystem(): Promise<SecuritySystem> {
  const t = await startTestSystem({
    TELEGRAM_INGRESS: 'webhook',
    ENCRYPTION_KEY,
    ADMIN_TELEGRAM_IDS: String(ADMIN_TELEGRAM_ID),
    API_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const raw = t.testDb.database.raw;
  const tables = (
    await raw.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((r) => r.name);
  // Jobs are not counted: pg-boss's own schedules add and finish jobs at any moment. Every job of
  // ours is enqueued in the transaction of an application row, which is counted.
  const counts = tables.map((name) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`).join(', ');

  const request: SecuritySystem['request'] = async (method, path, options = {}) => {
    const started = performance.now();
    const send = () =>
      fetch(`${t.url}${path}`, {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: options.body } : {}),
      });
    // A kept-alive socket the server closes just as the client reuses it resets; that race is
    // the client's, not an answer of the server, so it gets one more try on a fresh socket.
    const res = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code === 'ECONNRESET') return send();
      throw error;
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      ms: performance.now() - started,
      text,
    };
  };

  return {
    t,
    url: t.url,
    webhookSecret: deriveKey(ENCRYPTION_KEY, 'telegram-webhook').toString('base64url'),
    async login(telegramId, firstName) {
      const init_data = buildInitData({
        botToken: SANDBOX_BOT_TOKEN,
        user: { id: telegramId, first_name: firstName, is_bot: false, language_code: 'en' },
        authDate: Math.floor(Date.now() / 1000),
      });
      const res = await request('POST', '/api/v1/auth/webapp', { body: JSON.stringify({ init_data }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
      const { token, user } = JSON.parse(res.text) as { token: string; user: { id: string } };
      return { token, userId: user.id, telegramId };
    },
    async operations() {
      const spec = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
        components?: { schemas?: Record<string, Record<string, unknown>> };
      };
      const components = spec.components?.schemas ?? {};
      return Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          const content = (
            op.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined
          )?.content;
          return {
            method: method.toUpperCase(),
            path,
            secured: Array.isArray(op.security) && op.security.length > 0,
            params: ((op.parameters as OpenApiOperation['params'] | undefined) ?? []).filter(
              (p) => p.in === 'path' || p.in === 'query',
            ),
            body: content?.['application/json']?.schema
              ? resolveSchema(content['application/json'].schema, components)
              : null,
          };
        }),
      );
    },
    async snapshot() {
      const [row] = await raw.query<Record<string, number>>(`SELECT ${counts}`);
      return row ?? {};
    },
    request,
  };
}

/** Resolves `$ref`s of the spec's components (the fuzzer needs the properties of a body). */
export function resolveSchema(
  schema: Record<string, unknown>,
  components: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  const ref = schema.$ref;
  if (typeof ref === 'string')
    return resolveSchema(components[ref.split('/').at(-1) ?? ''] ?? {}, components);
  return schema;
}

const FAR = '2031-05-05T10:00:00+03:00';
/** A minimal valid value of a schema (required properties only), so one hostile property reaches deep code. */
export function minimal(schema: Record<string, unknown>): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum) return (schema.enum as unknown[])[0];
  if (schema.anyOf) return minimal((schema.anyOf as Array<Record<string, unknown>>)[0] ?? {});
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    return Object.fromEntries(((schema.required ?? []) as string[]).map((k) => [k, minimal(props[k] ?? {})]));
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return (schema.minimum as number | undefined) ?? 1;
  if (type === 'boolean') return false;
  if (schema.format === 'date-time') return FAR;
  if (schema.format === 'date') return FAR.slice(0, 10);
  if (schema.format === 'uuid') return '0190a0e0-0000-7000-8000-000000000000';
  if (schema.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$' || /HH:MM/.test(String(schema.description)))
    return '08:00';
  return 'fuzz';
}
