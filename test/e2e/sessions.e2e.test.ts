import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const METRICS_TOKEN = 'metrics-token-0123456789';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ METRICS_TOKEN });
});
afterAll(() => t.close());

async function exchange(init_data: string) {
  return fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
}

async function signIn(name: string): Promise<string> {
  const { init_data } = await (await t.sb.user(name)).webApp();
  const response = await exchange(init_data);
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const call = (path: string, token: string, method = 'GET') =>
  fetch(`${t.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });

describe('signing in and out', () => {
  it('accepts a Mini App initData once: the same initData again is a 401', async () => {
    const { init_data } = await (await t.sb.user('replay_rita')).webApp();
    expect((await exchange(init_data)).status).toBe(200);
    const again = await exchange(init_data);
    expect(again.status).toBe(401);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(await again.json()).toMatchObject({ code: 'init_data_replayed' });
  });

  it('logout revokes this token only; logout-all revokes every token of the user', async () => {
    const phone = await signIn('logout_lena');
    const laptop = await signIn('logout_lena');
    const other = await signIn('logout_oleg');

    const out = await call('/auth/logout', phone, 'POST');
    expect(await out.json()).toEqual({ signed_out: 'token' });
    const refused = await call('/me', phone);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'token_revoked' });
    expect((await call('/me', laptop)).status).toBe(200);

    const tablet = await signIn('logout_lena');
    expect(await (await call('/auth/logout-all', laptop, 'POST')).json()).toEqual({
      signed_out: 'everywhere',
    });
    for (const token of [laptop, tablet]) expect((await call('/me', token)).status).toBe(401);
    expect((await call('/me', other)).status).toBe(200);
    // Signing in again after "everywhere" works: new tokens carry the new version.
    expect((await call('/me', await signIn('logout_lena'))).status).toBe(200);
  });

  it('never echoes a rejected bearer token', async () => {
    const forged = `${await signIn('echo_emma')}x`;
    const response = await call('/me', forged);
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).toMatch(/bad signature/);
    expect(body).not.toContain(forged.slice(0, 40));
  });

  it('guards /metrics with METRICS_TOKEN when it is set', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/http_request_duration_seconds/);
  });
});
