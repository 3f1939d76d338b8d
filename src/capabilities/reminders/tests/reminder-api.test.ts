import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_FIRE_QUEUE } from '../reminder-types.ts';
import { type ReminderHarness, startReminderHarness } from './reminder-harness.ts';

let h: ReminderHarness;
let alice: string;
let bob: string;
beforeAll(async () => {
  h = await startReminderHarness('2026-03-02T06:00:00Z'); // Monday 09:00 in Moscow
  alice = (await h.users.upsertFromTelegram({ id: 501, first_name: 'Alice' })).id;
  await h.users.updateSettings(alice, { timezone: 'Europe/Moscow' });
  bob = (await h.users.upsertFromTelegram({ id: 502, first_name: 'Bob' })).id;
});
afterAll(() => h.close());

const pendingFor = async (occurrenceOf: string) => {
  const pending = await h.runtime.jobs.pending<{ occurrenceId: string }>(REMINDER_FIRE_QUEUE);
  const [row] = await h.testDb.database.raw.query<{ ids: string[] }>(
    'SELECT coalesce(array_agg(id::text), ARRAY[]::text[]) AS ids FROM reminder_occurrences WHERE reminder_id = $1',
    [occurrenceOf],
  );
  return pending.filter((j) => row?.ids.includes(j.data.occurrenceId));
};

describe('CRUD', () => {
  it('creates a recurring reminder in the user timezone and schedules its first occurrence', async () => {
    const res = await h.call(alice, 'POST', '/', {
      text: 'Stand-up',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=10;BYMINUTE=0',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      text: 'Stand-up',
      timezone: 'Europe/Moscow',
      status: 'active',
      next_at: '2026-03-02T07:00:00.000Z',
      urgent: false,
    });
    const jobs = await pendingFor(body.id);
    expect(jobs.map((j) => j.startAfter.toISOString())).toEqual(['2026-03-02T07:00:00.000Z']);

    expect(await (await h.call(alice, 'GET', `/${body.id}`)).json()).toMatchObject({ id: body.id });
    const patched = await h.call(alice, 'PATCH', `/${body.id}`, {
      text: 'Daily stand-up',
      rrule: 'FREQ=DAILY;BYHOUR=11;BYMINUTE=0',
    });
    expect(await patched.json()).toMatchObject({
      text: 'Daily stand-up',
      next_at: '2026-03-02T08:00:00.000Z',
    });
    // The old occurrence's job went with the change, in the same transaction.
    expect((await pendingFor(body.id)).map((j) => j.startAfter.toISOString())).toEqual([
      '2026-03-02T08:00:00.000Z',
    ]);
  });

  it('pause cancels the pending job, resume schedules the next one; delete removes both', async () => {
    const created = await (
      await h.call(alice, 'POST', '/', { text: 'Water', due_at: '2026-03-03T09:00:00+03:00', rrule: null })
    ).json();
    expect(created.next_at).toBe('2026-03-03T06:00:00.000Z');
    const paused = await (await h.call(alice, 'POST', `/${created.id}/pause`)).json();
    expect(paused).toMatchObject({ status: 'paused', next_at: null });
    expect(await pendingFor(created.id)).toHaveLength(0);
    const resumed = await (await h.call(alice, 'POST', `/${created.id}/resume`)).json();
    expect(resumed).toMatchObject({ status: 'active', next_at: '2026-03-03T06:00:00.000Z' });
    expect(await pendingFor(created.id)).toHaveLength(1);
    expect((await h.call(alice, 'DELETE', `/${created.id}`)).status).toBe(204);
    expect(await pendingFor(created.id)).toHaveLength(0);
    expect((await h.call(alice, 'GET', `/${created.id}`)).status).toBe(404);
  });

  it('lists with cursor pagination, only your own', async () => {
    for (let i = 0; i < 5; i++)
      await h.call(bob, 'POST', '/', { text: `Bob ${i}`, due_at: '2026-03-05T10:00:00Z' });
    const first = await (await h.call(bob, 'GET', '/?limit=2')).json();
    expect(first.items.map((r: { text: string }) => r.text)).toEqual(['Bob 0', 'Bob 1']);
    const second = await (await h.call(bob, 'GET', `/?limit=2&cursor=${first.next_cursor}`)).json();
    const third = await (await h.call(bob, 'GET', `/?limit=2&cursor=${second.next_cursor}`)).json();
    expect([...second.items, ...third.items].map((r: { text: string }) => r.text)).toEqual([
      'Bob 2',
      'Bob 3',
      'Bob 4',
    ]);
    expect(third.next_cursor).toBeNull();
    const mine = await (await h.call(alice, 'GET', '/?limit=100')).json();
    expect(mine.items.some((r: { text: string }) => r.text.startsWith('Bob'))).toBe(false);
  });

  it("answers 404 for someone else's reminder and changes nothing", async () => {
    const bobs = await (
      await h.call(bob, 'POST', '/', { text: 'Secret', due_at: '2026-03-05T10:00:00Z' })
    ).json();
    for (const [method, path, body] of [
      ['GET', `/${bobs.id}`],
      ['PATCH', `/${bobs.id}`, { text: 'hacked' }],
      ['POST', `/${bobs.id}/pause`],
      ['POST', `/${bobs.id}/resume`],
      ['DELETE', `/${bobs.id}`],
    ] as const) {
      const res = await h.call(alice, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'reminder_not_found' });
    }
    expect(await (await h.call(bob, 'GET', `/${bobs.id}`)).json()).toMatchObject({
      text: 'Secret',
      status: 'active',
    });
    const [occurrence] = await h.testDb.database.raw.query<{ id: string }>(
      'SELECT id FROM reminder_occurrences WHERE reminder_id = $1',
      [bobs.id],
    );
    const snooze = await h.call(alice, 'POST', `/occurrences/${occurrence?.id}/snooze`, {
      until: '2026-03-06T10:00:00Z',
    });
    expect(snooze.status).toBe(404);
    expect((await h.call(alice, 'POST', `/occurrences/${occurrence?.id}/done`)).status).toBe(404);
  });
});

describe('bad input', () => {
  it.each([
    [{ text: '', due_at: '2026-03-05T10:00:00Z' }, 400, 'validation_failed'],
    [{ text: 'x' }, 400, 'due_required'],
    [{ text: 'x', due_at: 'tomorrow' }, 400, 'validation_failed'],
    [{ text: 'x', due_at: '2026-03-01T10:00:00Z' }, 400, 'due_in_past'],
    [{ text: 'x', rrule: 'FREQ=SECONDLY' }, 422, 'rrule_invalid'],
    [{ text: 'x', rrule: 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY' }, 422, 'rrule_invalid'],
    [{ text: 'x', rrule: 'FREQ=DAILY', timezone: 'Mars/Olympus' }, 400, 'timezone_invalid'],
    [{ text: '   ', rrule: 'FREQ=DAILY' }, 400, 'text_invalid'],
    [{ text: 'x\u0000y', rrule: 'FREQ=DAILY' }, 422, 'input_unprocessable'],
    [{ text: 'x', due_at: '0000-01-01T00:00:00+01:00' }, 422, 'input_unprocessable'],
  ])('rejects %j with %i %s', async (body, status, code) => {
    const before = (await (await h.call(alice, 'GET', '/?limit=100')).json()).items.length;
    const res = await h.call(alice, 'POST', '/', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code });
    expect((await (await h.call(alice, 'GET', '/?limit=100')).json()).items.length).toBe(before);
  });

  it('rejects a malformed id, cursor and snooze time', async () => {
    expect((await h.call(alice, 'GET', '/not-a-uuid')).status).toBe(400);
    expect(await (await h.call(alice, 'GET', '/?cursor=zzz')).json()).toMatchObject({
      code: 'cursor_invalid',
    });
    const created = await (
      await h.call(alice, 'POST', '/', { text: 'Tea', due_at: '2026-03-02T12:00:00Z' })
    ).json();
    const [occurrence] = await h.testDb.database.raw.query<{ id: string }>(
      'SELECT id FROM reminder_occurrences WHERE reminder_id = $1',
      [created.id],
    );
    const past = await h.call(alice, 'POST', `/occurrences/${occurrence?.id}/snooze`, {
      until: '2026-03-01T10:00:00Z',
    });
    expect(await past.json()).toMatchObject({ status: 400, code: 'snooze_in_past' });
    expect((await h.call(alice, 'PUT', '/digest', { time: '25:00' })).status).toBe(400);
  });
});

describe('occurrences and digest settings', () => {
  it('snoozing a pending occurrence moves it alone; the series keeps its next one', async () => {
    const created = await (
      await h.call(alice, 'POST', '/', { text: 'Pills', rrule: 'FREQ=DAILY;BYHOUR=21;BYMINUTE=0' })
    ).json();
    const window = await (
      await h.call(
        alice,
        'GET',
        '/occurrences?from=2026-03-02T00:00:00%2B03:00&to=2026-03-04T00:00:00%2B03:00',
      )
    ).json();
    const pills = window.items.filter((o: { text: string }) => o.text === 'Pills');
    expect(pills.map((o: { at: string }) => o.at)).toEqual([
      '2026-03-02T18:00:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ]);
    const res = await h.call(alice, 'POST', `/occurrences/${pills[0].occurrence_id}/snooze`, {
      until: '2026-03-02T19:00:00Z',
    });
    expect(await res.json()).toMatchObject({
      fire_at: '2026-03-02T19:00:00.000Z',
      due_at: '2026-03-02T18:00:00.000Z',
    });
    expect((await pendingFor(created.id)).map((j) => j.startAfter.toISOString()).sort()).toEqual([
      '2026-03-02T19:00:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ]);
    const skip = await h.call(alice, 'POST', `/occurrences/${pills[0].occurrence_id}/skip`);
    expect(await skip.json()).toMatchObject({ status: 'skipped' });
    expect((await h.call(alice, 'POST', `/occurrences/${pills[0].occurrence_id}/done`)).status).toBe(409);
    expect((await pendingFor(created.id)).map((j) => j.startAfter.toISOString())).toEqual([
      '2026-03-03T18:00:00.000Z',
    ]);
  });

  it('digest: on at a local time, off again', async () => {
    expect(await (await h.call(alice, 'GET', '/digest')).json()).toEqual({
      enabled: false,
      time: null,
      next_at: null,
    });
    const on = await (await h.call(alice, 'PUT', '/digest', { time: '08:00' })).json();
    expect(on).toEqual({ enabled: true, time: '08:00', next_at: '2026-03-03T05:00:00.000Z' });
    expect(await h.runtime.jobs.pending('reminders.digest')).toHaveLength(1);
    await h.call(alice, 'PUT', '/digest', { time: '07:30' });
    expect((await h.runtime.jobs.pending('reminders.digest')).map((j) => j.startAfter.toISOString())).toEqual(
      ['2026-03-03T04:30:00.000Z'],
    );
    expect(await (await h.call(alice, 'PUT', '/digest', { time: null })).json()).toMatchObject({
      enabled: false,
    });
    expect(await h.runtime.jobs.pending('reminders.digest')).toHaveLength(0);
  });
});

describe('the rule in words (the Mini App edit box)', () => {
  it('previews a rule typed in words with its next 3 times, in the user language and timezone', async () => {
    const res = await h.call(alice, 'POST', '/rule-preview', { text: 'every Monday at 10' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      rule: 'every Mon at 10:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0',
      due_at: '2026-03-02T07:00:00.000Z',
      next: ['2026-03-02T07:00:00.000Z', '2026-03-09T07:00:00.000Z', '2026-03-16T07:00:00.000Z'],
    });
    const vera = (await h.users.upsertFromTelegram({ id: 503, first_name: 'Вера', language_code: 'ru' })).id;
    await h.users.updateSettings(vera, { timezone: 'Europe/Moscow' });
    // Monday 09:00 in Moscow: 08:30 today has passed, so Tuesday first.
    const ru = await (await h.call(vera, 'POST', '/rule-preview', { text: 'по будням в 8:30' })).json();
    expect(ru).toMatchObject({
      rule: 'по будням в 08:30',
      next: ['2026-03-03T05:30:00.000Z', '2026-03-04T05:30:00.000Z', '2026-03-05T05:30:00.000Z'],
    });
    const once = await (await h.call(alice, 'POST', '/rule-preview', { text: 'tomorrow at 18:00' })).json();
    expect(once).toMatchObject({ rrule: null, next: ['2026-03-03T15:00:00.000Z'] });
    expect(once.rule).toMatch(/^once on Tue 3 Mar, 18:00$/);
  });

  it('answers 422 rule_not_understood, in the user language, for a text without a time', async () => {
    const res = await h.call(alice, 'POST', '/rule-preview', { text: 'banana bread' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ code: 'rule_not_understood' });
    expect(problem.detail).toContain('“banana bread”');
    expect((await h.call(alice, 'POST', '/rule-preview', { text: '' })).status).toBe(400);
    // A clock time that cannot be is named, not quietly replaced by a default time.
    const badTime = await h.call(alice, 'POST', '/rule-preview', { text: 'every day at 25:00' });
    expect(badTime.status).toBe(422);
    expect(await badTime.json()).toMatchObject({
      code: 'rule_time_invalid',
      detail: expect.stringContaining('“25:00” is not a time of day'),
    });
  });

  it('shows a stored rule in words that read back as the same rule, and changes it from words', async () => {
    const created = await (
      await h.call(alice, 'POST', '/', {
        text: 'Plants',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=11;BYMINUTE=0',
      })
    ).json();
    const shown = await (await h.call(alice, 'GET', `/${created.id}/rule`)).json();
    expect(shown).toMatchObject({ rule: 'every Mon, Wed at 11:00', next: expect.any(Array) });
    const again = await (await h.call(alice, 'POST', '/rule-preview', { text: shown.rule })).json();
    expect(again.rrule).toBe(created.rrule);

    const changed = await h.call(alice, 'PUT', `/${created.id}/rule`, { text: 'every day at 7:15' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      rrule: 'FREQ=DAILY;BYHOUR=7;BYMINUTE=15',
      next_at: '2026-03-03T04:15:00.000Z',
    });
    expect((await pendingFor(created.id)).map((j) => j.startAfter.toISOString())).toEqual([
      '2026-03-03T04:15:00.000Z',
    ]);
  });

  it('changes nothing for a text it cannot read, and 404s for another user', async () => {
    const created = await (
      await h.call(alice, 'POST', '/', { text: 'Report', rrule: 'FREQ=DAILY;BYHOUR=18;BYMINUTE=0' })
    ).json();
    const bad = await h.call(alice, 'PUT', `/${created.id}/rule`, { text: 'whenever I feel like it' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).code).toBe('rule_not_understood');
    expect(await (await h.call(alice, 'GET', `/${created.id}`)).json()).toMatchObject({
      rrule: created.rrule,
      next_at: created.next_at,
    });
    const theirs = await h.call(bob, 'PUT', `/${created.id}/rule`, { text: 'every day at 9' });
    expect(theirs.status).toBe(404);
    expect((await h.call(bob, 'GET', `/${created.id}/rule`)).status).toBe(404);
    expect((await (await h.call(alice, 'GET', `/${created.id}`)).json()).rrule).toBe(created.rrule);
  });
});
