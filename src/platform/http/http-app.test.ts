import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createApiTokens } from '../auth/api-tokens.ts';
import { createAuthRoutes } from '../auth/auth-routes.ts';
import { signInitData } from '../auth/init-data.ts';
import { createLoginLinks } from '../auth/login-links.ts';
import { createSessionStore } from '../auth/session-store.ts';
import { deriveKey } from '../crypto/keys.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { createUserService } from '../users/user-service.ts';
import { createHttpApp } from './app.ts';

const BOT_TOKEN = '123456:TEST-TOKEN-abcdefghij';
let testDb: TestDatabase;
let app: ReturnType<typeof createHttpApp>;
let now = new Date('2026-11-22T10:00:00Z');
let launches = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const users = createUserService({ db: testDb.database.db, adminTelegramIds: [999] });
  const tokens = createApiTokens({
    key: deriveKey('x'.repeat(32), 'api-token'),
    ttlSeconds: 3600,
    now: () => now,
  });
  app = createHttpApp({
    logger: createLogger({ level: 'silent', pretty: false }),
    metrics: createMetrics({ defaultMetrics: false }),
    version: 'test',
    readiness: { database: async () => (await testDb.database.raw.query('SELECT 1')).length === 1 },
    api: [
      {
        path: '',
        app: createAuthRoutes({
          tokens,
          users,
          sessions: createSessionStore({ db: testDb.database.db, now: () => now }),
          loginLinks: createLoginLinks({ db: testDb.database.db, now: () => now }),
          botToken: BOT_TOKEN,
          initDataMaxAgeSeconds: 3600,
          now: () => now,
        }),
      },
    ],
  });
});
afterAll(() => testDb.close());

const initData = (overrides: Record<string, string> = {}, token = BOT_TOKEN) =>
  signInitData(
    {
      auth_date: String(Math.floor(now.getTime() / 1000) - 60),
      // Each Mini App launch gets its own query_id (and so its own hash): initData is single use.
      query_id: `AAE${++launches}`,
      user: JSON.stringify({ id: 42, first_name: 'Анна', username: 'anna', language_code: 'ru' }),
      ...overrides,
    },
    token,
  );

const exchange = (init_data: string) =>
  app.request('/api/v1/auth/webapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });

describe('platform HTTP', () => {
  it('answers health, readiness, metrics, OpenAPI and docs', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
    const spec = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/webapp', '/api/v1/me']));
    const docs = await app.request('/docs');
    expect(await docs.text()).toContain('swagger-ui');
    expect((await app.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
    );
  });

  it('answers unknown routes with problem+json 404 and echoes a request id', async () => {
    const res = await app.request('/nope', { headers: { 'x-request-id': 'req-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-request-id')).toBe('req-123');
    expect(await res.json()).toMatchObject({ status: 404, code: 'route_not_found', trace_id: 'req-123' });
    const generated = await app.request('/healthz');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('exchanges valid initData for a token that /me accepts', async () => {
    const res = await exchange(initData());
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      token: string;
      expires_at: string;
      user: { telegram_id: number; language: string };
    };
    expect(body.user).toMatchObject({ telegram_id: 42, language: 'ru', roles: ['user'] });
    expect(new Date(body.expires_at).getTime()).toBe(now.getTime() + 3600_000);
    const me = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ telegram_id: 42, first_name: 'Анна', username: 'anna' });
  });

  it('rejects forged, expired and tampered initData with 401 and creates nobody', async () => {
    const forged = await exchange(initData({}, '999:ANOTHER-BOT-TOKEN'));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'init_data_invalid' });

    const expired = await exchange(initData({ auth_date: String(Math.floor(now.getTime() / 1000) - 7200) }));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'init_data_expired' });

    // Replay with one field changed: the signature no longer matches.
    const tampered = new URLSearchParams(initData());
    tampered.set('user', JSON.stringify({ id: 1, first_name: 'Mallory' }));
    expect((await exchange(tampered.toString())).status).toBe(401);

    const missingHash = new URLSearchParams(initData());
    missingHash.delete('hash');
    expect((await exchange(missingHash.toString())).status).toBe(401);

    const rows = await testDb.database.raw.query<{ telegram_id: number }>(
      'SELECT telegram_id FROM users WHERE telegram_id IN (1, 999)',
    );
    expect(rows).toEqual([]);
  });

  it('validates the body and the bearer token', async () => {
    const bad = await app.request('/api/v1/auth/webapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'init_data' }] });
    expect((await app.request('/api/v1/me')).status).toBe(401);
    const garbage = await app.request('/api/v1/me', { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(await garbage.json()).toMatchObject({ status: 401, code: 'token_invalid' });
  });

  it('rejects a token once it expires', async () => {
    const { token } = (await (await exchange(initData())).json()) as { token: string };
    const saved = now;
    now = new Date(now.getTime() + 3601_000);
    try {
      const res = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    } finally {
      now = saved;
    }
  });

  it('makes ADMIN_TELEGRAM_IDS users admins on first contact', async () => {
    const res = await exchange(initData({ user: JSON.stringify({ id: 999, first_name: 'Boss' }) }));
    expect(((await res.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin', 'user']);
  });
});
