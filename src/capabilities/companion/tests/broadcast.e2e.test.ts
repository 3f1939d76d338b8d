import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { companionModule } from '../index.ts';

// English speakers get the test broadcast: more than one batch of the worker (16 in flight).
const RECIPIENTS = 40;

describe('broadcasts through the local Telegram', () => {
  let h: CapabilityHarness;
  let admin: Awaited<ReturnType<CapabilityHarness['person']>>;
  beforeAll(async () => {
    h = await startCapabilityHarness([companionModule]);
    admin = await h.person('Boss', { roles: ['admin'] });
    for (let i = 0; i < RECIPIENTS; i++)
      await registeredPerson(h.t, `u${i}`, i % 2 ? 'ru' : 'en', 'Europe/Berlin');
  }, 300_000);
  afterAll(() => h.close());

  const status = async (id: string) =>
    (await (await h.request(`/api/v1/admin/broadcasts/${id}`, { headers: admin.auth })).json()) as {
      status: string;
      total: number;
      sent: number;
      failed: number;
      blocked: number;
    };
  const until = async (id: string, wanted: string) => {
    for (let i = 0; i < 400; i++) {
      const s = await status(id);
      if (s.status === wanted) return s;
      await h.clock.tick(250);
    }
    throw new Error(`broadcast never became ${wanted}: ${JSON.stringify(await status(id))}`);
  };

  it('is for admins only and rejects a bad segment, changing nothing', async () => {
    const someone = await h.person('Nobody');
    const body = JSON.stringify({ text: 'hi', segment: { kind: 'all' } });
    expect(
      (await h.request('/api/v1/admin/broadcasts', { method: 'POST', headers: someone.auth, body })).status,
    ).toBe(403);
    const bad = JSON.stringify({ text: 'hi', segment: { kind: 'planet', name: 'Mars' } });
    const res = await h.request('/api/v1/admin/broadcasts', {
      method: 'POST',
      headers: admin.auth,
      body: bad,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(
      (
        await h.request('/api/v1/admin/broadcasts/0190a000-0000-7000-8000-000000000000', {
          headers: admin.auth,
        })
      ).status,
    ).toBe(404);
  });

  it('delivers to a segment, marks who blocked the bot, pauses, resumes and edits one progress message', async () => {
    const blocker = await registeredPerson(h.t, 'blocker', 'en', 'Europe/Berlin');
    await blocker.user.block();
    const body = JSON.stringify({
      text: 'Big news: we are open on Sunday',
      buttons: [{ text: 'Details', url: 'https://example.org/sunday' }],
      segment: { kind: 'language', language: 'en' },
    });
    // Every send takes a second, so the pause lands while the first batch is in flight.
    await h.t.sb.faults.add({ method: 'sendMessage', delay_ms: 1000, count: 10_000 });
    const res = await h.request('/api/v1/admin/broadcasts', { method: 'POST', headers: admin.auth, body });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; status: string; total: number };
    // English speakers: half the recipients, the admin, "Nobody" and the blocker.
    expect(created).toMatchObject({ status: 'running', total: RECIPIENTS / 2 + 3 });
    const paused = await h.request(`/api/v1/admin/broadcasts/${created.id}/pause`, {
      method: 'POST',
      headers: admin.auth,
    });
    expect(paused.status).toBe(200);
    // The batch in flight finishes; nothing more goes out while paused, however long it stays so.
    const handled = (s: { sent: number; failed: number; blocked: number }) => s.sent + s.failed + s.blocked;
    let settled = await status(created.id);
    for (let previous = -1; handled(settled) !== previous; ) {
      previous = handled(settled);
      await new Promise((r) => setTimeout(r, 3000));
      settled = await status(created.id);
    }
    expect(settled.status).toBe('paused');
    expect(handled(settled)).toBeLessThan(created.total);
    for (let i = 0; i < 12; i++) await h.clock.tick(250);
    expect(await status(created.id)).toMatchObject({ status: 'paused', sent: settled.sent });
    await h.t.sb.faults.clear();
    const again = await h.request(`/api/v1/admin/broadcasts/${created.id}/pause`, {
      method: 'POST',
      headers: admin.auth,
    });
    expect(again.status).toBe(409);
    await h.request(`/api/v1/admin/broadcasts/${created.id}/resume`, { method: 'POST', headers: admin.auth });
    const done = await until(created.id, 'done');
    expect(done).toMatchObject({ total: created.total, sent: created.total - 1, blocked: 1, failed: 0 });
    const got = (await (await h.t.sb.user('u0')).privateChat().messages()).filter((m) =>
      /Sunday/.test(m.text),
    );
    expect(got).toHaveLength(1);
    // One progress message in the admin's chat, edited to the final statistics (not repeated).
    const progress = (await admin.chat.messages()).filter(
      (m) => m.fromBot && /Broadcast|Sending|Paused|sent/.test(m.text),
    );
    expect(progress).toHaveLength(1);
    expect(progress[0]?.edited).toBe(true);
    expect(progress[0]?.text).toContain(
      `Broadcast done: ${created.total - 1} sent · 1 blocked · 0 failed of ${created.total}`,
    );
    // Marked: the next broadcast leaves the blocker out. (Slow sends again, so the pause below lands mid-way.)
    await h.t.sb.faults.add({ method: 'sendMessage', delay_ms: 1000, count: 10_000 });
    const next = await h.request('/api/v1/admin/broadcasts', { method: 'POST', headers: admin.auth, body });
    const second = (await next.json()) as { id: string; total: number };
    expect(second.total).toBe(created.total - 1);

    // Paused, then cancelled: the progress message still ends with the final statistics, no buttons.
    await h.request(`/api/v1/admin/broadcasts/${second.id}/pause`, { method: 'POST', headers: admin.auth });
    await until(second.id, 'paused');
    await h.t.sb.faults.clear();
    const progressOf = async () =>
      (await admin.chat.messages())
        .filter((m) => m.fromBot && /Broadcast|Sending|Paused/.test(m.text))
        .at(-1);
    // The worker has stopped: its last word in the progress message is "Paused at …". Its first
    // send may still be in the 1 s fault: wait in real time, not only in ticks of the test clock.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      if (/Paused at/.test((await progressOf())?.text ?? '')) break;
      await h.clock.tick(250);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await progressOf())?.text).toMatch(/Paused at/);
    const cancel = await h.request(`/api/v1/admin/broadcasts/${second.id}/cancel`, {
      method: 'POST',
      headers: admin.auth,
    });
    expect(cancel.status).toBe(200);
    for (let i = 0; i < 80 && !/Broadcast cancelled/.test((await progressOf())?.text ?? ''); i++)
      await h.clock.tick(250);
    const final = await progressOf();
    expect(final?.text).toMatch(/^✖️ Broadcast cancelled: \d+ sent/);
    expect(final?.buttons()).toEqual([]);
  });
});
