// The Telegram Login Widget outside Telegram: `GET /api/v1/auth/widget` says whether it is offered
// (and for which bot); `POST` exchanges the widget's signed user object for a bearer token once.
// Forged, re-used, stale or Mini-App-signed data is a 401 problem+json; malformed data a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createUserService, type UserService } from '../users/user-service.ts';
import { createAuthTestApp } from './auth-test-app.ts';
import { type LoginWidgetData, signLoginWidget, validateLoginWidget } from './login-widget.ts';

const BOT_TOKEN = '4242:widget-test-token';
let testDb: TestDatabase;
let users: UserService;
let widgetBot: string | null = 'secretary_test_bot';
const now = new Date('2026-12-01T10:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
let app: ReturnType<typeof createAuthTestApp>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb.database;
  users = createUserService({ db });
  app = createAuthTestApp({
    db,
    users,
    botToken: BOT_TOKEN,
    widgetBot: () => widgetBot,
    now: () => now,
  });
});
afterAll(() => testDb?.close());

const login = (body: unknown) =>
  app.request('/api/v1/auth/widget', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function refusal(res: Response, status = 401) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { code: string; detail: string };
}

describe('Telegram Login Widget', () => {
  it('is offered with the bot name only when the server can host it', async () => {
    expect(await (await app.request('/api/v1/auth/widget')).json()).toEqual({
      enabled: true,
      bot_username: 'secretary_test_bot',
    });
    widgetBot = null;
    expect(await (await app.request('/api/v1/auth/widget')).json()).toEqual({
      enabled: false,
      bot_username: null,
    });
    widgetBot = 'secretary_test_bot';
  });

  it('signs a new person in once; the same signed data a second time is refused', async () => {
    const data = signLoginWidget(
      { id: 7001, first_name: 'Vera', username: 'vera', auth_date: nowSeconds - 60 },
      BOT_TOKEN,
    );
    const res = await login(data);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { first_name: string; telegram_id: number } };
    expect(body.user).toMatchObject({ first_name: 'Vera', telegram_id: 7001 });
    const me = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    expect((await refusal(await login(data))).code).toBe('login_widget_replayed');
  });

  it('signs a known person in as they are (their language and name unchanged)', async () => {
    await users.upsertFromTelegram({ id: 7002, first_name: 'Олег', language_code: 'ru' });
    const data = signLoginWidget({ id: 7002, first_name: 'Oleg', auth_date: nowSeconds }, BOT_TOKEN);
    const body = (await (await login(data)).json()) as { user: { first_name: string; language: string } };
    expect(body.user).toMatchObject({ first_name: 'Олег', language: 'ru' });
  });

  it('refuses forged, altered, stale and Mini-App-signed data, and creates nobody', async () => {
    const good = signLoginWidget({ id: 7003, first_name: 'Eve', auth_date: nowSeconds }, BOT_TOKEN);
    const forged = signLoginWidget({ id: 7003, first_name: 'Eve', auth_date: nowSeconds }, '4242:other');
    expect((await refusal(await login(forged))).code).toBe('login_widget_invalid');
    expect((await refusal(await login({ ...good, id: 7004 }))).code).toBe('login_widget_invalid');
    const stale = signLoginWidget({ id: 7003, first_name: 'Eve', auth_date: nowSeconds - 7200 }, BOT_TOKEN);
    const expired = await refusal(await login(stale));
    expect(expired.code).toBe('login_widget_expired');
    expect(expired.detail).toMatch(/log in with Telegram again/);
    expect(await users.getByTelegramId(7003)).toBeNull();
    expect(await users.getByTelegramId(7004)).toBeNull();
  });

  it('answers malformed data with 400 and unknown fields are not accepted', async () => {
    await refusal(await login({ id: 'x', first_name: 'A', auth_date: 1, hash: 'z' }), 400);
    const data = signLoginWidget({ id: 7005, first_name: 'Ann', auth_date: nowSeconds }, BOT_TOKEN);
    await refusal(await login({ ...data, is_admin: true }), 400);
  });

  it('checks the signature over exactly the fields given (optional ones included when present)', () => {
    const fields: Omit<LoginWidgetData, 'hash'> = {
      id: 1,
      first_name: 'A',
      last_name: 'B',
      photo_url: 'https://t.me/i/userpic/320/a.jpg',
      auth_date: nowSeconds,
    };
    const signed = signLoginWidget(fields, BOT_TOKEN);
    expect(validateLoginWidget(signed, BOT_TOKEN, { maxAgeSeconds: 60, now }).user).toMatchObject({
      id: 1,
      first_name: 'A',
      last_name: 'B',
    });
    expect(() =>
      validateLoginWidget({ ...signed, photo_url: undefined }, BOT_TOKEN, { maxAgeSeconds: 60, now }),
    ).toThrow(/signature mismatch/);
  });
});
