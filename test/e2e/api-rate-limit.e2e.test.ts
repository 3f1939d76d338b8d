import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ API_RATE_LIMIT_PER_MINUTE: '5' });
});
afterAll(() => t.close());

describe('API rate limit per user', () => {
  it('answers 429 problem+json with Retry-After once a user spends the budget, and other users are unaffected', async () => {
    const signIn = async (name: string) => {
      const user = await t.sb.user(name, { first_name: name, language_code: 'en' });
      const { init_data } = await user.webApp();
      const res = await fetch(`${t.url}/api/v1/auth/webapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ init_data }),
      });
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const greedy = await signIn('greedy');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await fetch(`${t.url}/api/v1/tasks`, { headers: greedy })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(`${t.url}/api/v1/tasks`, { headers: greedy });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });

    const polite = await signIn('polite');
    expect((await fetch(`${t.url}/api/v1/tasks`, { headers: polite })).status).toBe(200);
  });
});
