import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { signInitData } from '../../src/sandbox/control/web-app-init-data.ts';
import { HOSTILE_RRULES } from './hostile-values.ts';
import { type Caller, type SecuritySystem, startSecuritySystem } from './security-support.ts';

/** One regression test per input class of issue #9's "Found" list, over real HTTP. */
let s: SecuritySystem;
let alice: Caller;
beforeAll(async () => {
  s = await startSecuritySystem();
  alice = await s.login(720_001, 'Alice');
}, 90_000);
afterAll(() => s?.t.close());

describe('recurrence rules', () => {
  it('answers every hostile rule with 422 in under 200 ms while /healthz stays responsive', async () => {
    const reminders = async () => (await s.snapshot()).reminders;
    const post = (rrule: string) =>
      s.request('POST', '/api/v1/reminders', {
        token: alice.token,
        body: JSON.stringify({ text: 'x', due_at: '2031-03-02T09:00:00+03:00', rrule }),
      });
    // One untimed pass: the first evaluation of each rule shape includes JIT compilation.
    for (const rrule of HOSTILE_RRULES) await post(rrule);
    const before = await reminders();
    let posting = true;
    const health: number[] = [];
    const probe = (async () => {
      while (posting) health.push((await s.request('GET', '/healthz')).ms);
    })();
    try {
      for (const rrule of HOSTILE_RRULES) {
        // Best of three: the shared machine adds scheduling noise to any one request; a rule that
        // costs real work (the old seconds-to-minutes searches) is slow on every try.
        const tries = [await post(rrule), await post(rrule), await post(rrule)];
        for (const res of tries) {
          expect({ rrule, status: res.status, type: res.type }).toEqual({
            rrule,
            status: 422,
            type: 'application/problem+json',
          });
          expect(JSON.parse(res.text).code).toMatch(
            /^(rrule_invalid|rrule_never|rrule_empty|input_unprocessable)$/,
          );
        }
        expect(Math.min(...tries.map((r) => r.ms)), rrule).toBeLessThan(200);
      }
    } finally {
      posting = false;
      await probe;
    }
    expect(await reminders()).toBe(before);
    expect(health.length).toBeGreaterThan(0);
    // The bound is 50 ms; the shared 2-core machine gets a margin: the median shows the
    // loop is free, the maximum that no rule blocked it (the old searches blocked it for seconds).
    const sorted = [...health].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(50);
    expect(sorted.at(-1)).toBeLessThan(1000);
  });

  it('a stored rule the guard refuses is left out of listings, quickly; the process stays healthy', async () => {
    const ok = await s.request('POST', '/api/v1/reminders', {
      token: alice.token,
      body: JSON.stringify({ text: 'Stretch', due_at: '2031-03-02T09:00:00+03:00', rrule: 'FREQ=DAILY' }),
    });
    const { id } = JSON.parse(ok.text) as { id: string };
    // A row written before the guard existed (or by hand): nothing may hang on it.
    await s.t.testDb.database.raw.query(
      `UPDATE reminders SET rrule = 'FREQ=DAILY;INTERVAL=-1' WHERE id = $1`,
      [id],
    );
    const listed = await s.request(
      'GET',
      '/api/v1/reminders/occurrences?from=2031-03-01T00:00:00Z&to=2031-03-09T00:00:00Z',
      { token: alice.token },
    );
    expect(listed.status).toBe(200);
    expect(listed.ms).toBeLessThan(1000);
    const items = (
      JSON.parse(listed.text) as { items: Array<{ reminder_id: string; occurrence_id: string | null }> }
    ).items;
    // Only the occurrence already materialized is listed; the series itself is not expanded.
    expect(items.filter((i) => i.reminder_id === id).every((i) => i.occurrence_id !== null)).toBe(true);
    expect((await s.request('GET', '/healthz')).status).toBe(200);
  });
});

/**
 * Streams a JSON body of `bytes` without a Content-Length (chunked), so the limit must be enforced
 * while reading, and stops writing once the server has answered.
 */
function postHuge(url: string, path: string, bytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string }>((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    req.write('{"text":"');
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end('"}');
    };
    pump();
  });
}

describe('body limits', () => {
  it('refuses oversized bodies with 413 problem+json while reading, before login too, and the loop stays free', async () => {
    const health = s.request('GET', '/healthz');
    const login = await postHuge(s.url, '/api/v1/auth/webapp', 60 * 1024 * 1024);
    expect(login).toEqual({ status: 413, type: 'application/problem+json' });
    const classify = await postHuge(s.url, '/api/v1/ai/classify', 30 * 1024 * 1024, {
      authorization: `Bearer ${alice.token}`,
    });
    expect(classify).toEqual({ status: 413, type: 'application/problem+json' });
    const webhook = await postHuge(s.url, '/telegram/webhook', 30 * 1024 * 1024, {
      'x-telegram-bot-api-secret-token': s.webhookSecret,
    });
    expect(webhook).toEqual({ status: 413, type: 'application/problem+json' });
    expect((await health).status).toBe(200);
    expect((await s.request('GET', '/healthz')).ms).toBeLessThan(500);
  });
});

describe('Mini App initData user fields', () => {
  const sign = (user: unknown) =>
    signInitData(SANDBOX_BOT_TOKEN, {
      user: JSON.stringify(user),
      auth_date: String(Math.floor(Date.now() / 1000)),
    });
  it.each([
    [{ id: 1.5, first_name: 'A' }],
    [{ id: 1e300, first_name: 'A' }],
    [{ id: -5, first_name: 'A' }],
    [{ id: '5', first_name: 'A' }],
    [{ id: 5, first_name: 7 }],
    [{ id: 5, first_name: 'A', language_code: 42 }],
    [{ id: 5, first_name: 'A', username: { $ne: 1 } }],
    [[1, 2]],
  ])('rejects %j with 401 problem+json and creates no user', async (user) => {
    const before = (await s.snapshot()).users;
    const res = await s.request('POST', '/api/v1/auth/webapp', {
      body: JSON.stringify({ init_data: sign(user) }),
    });
    expect({ status: res.status, type: res.type }).toEqual({ status: 401, type: 'application/problem+json' });
    expect((await s.snapshot()).users).toBe(before);
  });

  it('accepts names with control characters, stripped', async () => {
    const res = await s.request('POST', '/api/v1/auth/webapp', {
      body: JSON.stringify({ init_data: sign({ id: 720_099, first_name: 'Ni\u0000na\u0007' }) }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).user.first_name).toBe('Nina');
  });
});
