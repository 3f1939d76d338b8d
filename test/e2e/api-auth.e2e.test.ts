import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.close());

describe('Mini App sign-in through the sandbox, then the API', () => {
  it('exchanges the sandbox-signed initData for a token that opens /me and the AI routes', async () => {
    const ivan = await t.sb.user('ivan', { first_name: 'Иван', language_code: 'ru' });
    const { init_data } = await ivan.webApp();
    const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const me = await fetch(`${t.url}/api/v1/me`, { headers: auth });
    expect(await me.json()).toMatchObject({ telegram_id: ivan.id, language: 'ru' });

    const understood = await fetch(`${t.url}/api/v1/ai/understand`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        text: 'напомни завтра в 9 позвонить маме',
        timezone: 'Europe/Moscow',
        now: '2026-11-22T10:00:00+03:00',
      }),
    });
    expect(understood.status).toBe(200);
    expect(await understood.json()).toMatchObject({
      intent: 'reminder',
      due_at: '2026-11-23T09:00:00+03:00',
      source: 'offline',
    });

    const parsed = await fetch(`${t.url}/api/v1/parse`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        text: 'Сдать эссе по истории в пятницу 18:00 !high #учёба',
        now: '2026-11-22T12:00:00+03:00',
      }),
    });
    expect(parsed.status, await parsed.clone().text()).toBe(200);
    expect(await parsed.json()).toMatchObject({
      intent: 'task',
      priority: 'high',
      category: 'учёба',
      course: 'история',
    });
    expect((await fetch(`${t.url}/api/v1/parse`, { method: 'POST', body: '{}' })).status).toBe(401);

    const anonymous = await fetch(`${t.url}/api/v1/ai/understand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');

    const spec = (await (await fetch(`${t.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/ai/classify', '/api/v1/ai/understand']),
    );
  });
});

describe('PATCH /api/v1/me', () => {
  it('changes language and timezone, refuses an unknown timezone, and needs a token', async () => {
    const olga = await t.sb.user('olga_settings', { first_name: 'Olga', language_code: 'en' });
    const { init_data } = await olga.webApp();
    const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    const { token } = (await login.json()) as { token: string };
    const patch = (body: unknown, auth = true) =>
      fetch(`${t.url}/api/v1/me`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });

    expect(await (await patch({})).json()).toMatchObject({ language: 'en' }); // nothing to change
    const changed = await patch({ language: 'ru', timezone: 'Asia/Tokyo' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ language: 'ru', timezone: 'Asia/Tokyo' });

    const unknown = await patch({ timezone: 'Mars/Olympus' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('Mars/Olympus');
    expect((await patch({ language: 'de' })).status).toBe(400);
    expect((await patch({ language: 'en' }, false)).status).toBe(401);

    const me = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ language: 'ru', timezone: 'Asia/Tokyo' });
  });
});
