// `POST /api/v1/auth/link`: a `/web` link's token signs in once, for 10 minutes; a reused, expired
// or unknown token is a 401 problem+json that says which and what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { authLoginLinks } from '../db/schema.ts';
import { createUserService } from '../users/user-service.ts';
import { createAuthTestApp } from './auth-test-app.ts';
import { createLoginLinks, type LoginLinks } from './login-links.ts';

let testDb: TestDatabase;
let app: ReturnType<typeof createAuthTestApp>;
let links: LoginLinks;
let userId: string;
let now = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb.database;
  const users = createUserService({ db });
  userId = (await users.upsertFromTelegram({ id: 4242, first_name: 'Lena', language_code: 'ru' })).id;
  links = createLoginLinks({ db, now: () => now });
  app = createAuthTestApp({ db, users, loginLinks: links, botToken: '1:T', now: () => now });
});
afterAll(() => testDb?.close());

const redeem = (token: string) =>
  app.request('/api/v1/auth/link', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });

async function refusal(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { code: string; detail: string };
}

describe('sign-in links', () => {
  it('signs in once with a fresh link; the second use is refused as used', async () => {
    const { token, expiresAt } = await links.issue(userId);
    expect(expiresAt.getTime() - now.getTime()).toBe(600_000);
    const res = await redeem(token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { id: string; first_name: string } };
    expect(body.user).toMatchObject({ id: userId, first_name: 'Lena' });
    const me = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);

    const again = await refusal(await redeem(token));
    expect(again.code).toBe('login_link_used');
    expect(again.detail).toContain('send /web to the bot for a new one');
  });

  it('refuses a link after 10 minutes as expired, and an unknown token as invalid', async () => {
    const { token } = await links.issue(userId);
    const saved = now;
    now = new Date(now.getTime() + 600_001);
    try {
      expect((await refusal(await redeem(token))).code).toBe('login_link_expired');
    } finally {
      now = saved;
    }
    // Expired, it stays expired (not "used"), even when tried again later.
    now = new Date(now.getTime() + 700_000);
    try {
      expect((await refusal(await redeem(token))).code).toBe('login_link_expired');
    } finally {
      now = saved;
    }
    expect((await refusal(await redeem('A'.repeat(43)))).code).toBe('login_link_invalid');
    expect((await redeem('short')).status).toBe(400);
  });

  it('keeps only the hash of a token', async () => {
    const { token } = await links.issue(userId);
    const rows = await testDb.database.db.select().from(authLoginLinks);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.tokenHash).not.toContain(token);
    }
  });
});
