import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { companionModule } from '../index.ts';
import { signIn } from './sign-in.ts';

// What an admin sets reaches people: limits inside the hard ones (422 beyond), the window the
// gate keeps, a recommendation per check-in matching the stage and never repeated, and the
// engagement figures after check-ins were sent, answered and switched off. Offline templates
// (no model); Berlin is UTC+1 in March 2037, the week of 2 March starts Monday.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([tasksModule, remindersModule, companionModule], {
    start: '2037-03-02T08:00:00Z',
  });
}, 120_000);
afterAll(() => h?.close());

const SETTINGS = '/api/v1/admin/companion/settings';
const RECOMMENDATIONS = '/api/v1/admin/companion/recommendations';
type Auth = Record<string, string>;

async function send(auth: Auth, method: string, path: string, body?: unknown) {
  const res = await h.request(path, { method, headers: auth, body: body ? JSON.stringify(body) : null });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
}

describe('companion settings, recommendations and engagement', () => {
  it('refuses limits beyond the hard ones, keeps the window, recommends once per check-in, counts engagement', async () => {
    const admin = await h.person('Admin', { roles: ['admin'] });
    const ada = await h.person('Ada', { language: 'en' });
    const boris = await h.person('Борис', { language: 'ru' });

    // Hard limits: 422 naming the field, and nothing changes.
    const defaults = (await send(admin.auth, 'GET', SETTINGS)).body as {
      persona: { name: string; tone: string };
      limits: Record<string, unknown> & { cooldown_hours: Record<string, number> };
    };
    expect(defaults).toEqual({
      persona: { name: 'Secretary', tone: 'friendly' },
      limits: {
        per_day: 2,
        window_start: '08:00',
        window_end: '22:00',
        cooldown_hours: { inactivity: 48, deadline: 20, streak: 20, stage: 24 },
      },
    });
    const limits = (patch: Record<string, unknown>) => ({
      ...defaults,
      limits: { ...defaults.limits, ...patch },
    });
    for (const [patch, field] of [
      [{ per_day: 3 }, 'per_day'],
      [{ window_start: '07:00' }, 'window_start'],
      [{ window_end: '23:00' }, 'window_end'],
      [{ window_start: '12:00', window_end: '11:00' }, 'window_end'],
      [
        { cooldown_hours: { ...defaults.limits.cooldown_hours, inactivity: 500 } },
        'cooldown_hours.inactivity',
      ],
    ] as const) {
      const res = await send(admin.auth, 'PUT', SETTINGS, limits(patch));
      expect(res.status, JSON.stringify(patch)).toBe(422);
      expect(String(res.body.detail)).toContain(field);
    }
    expect((await send(admin.auth, 'PUT', SETTINGS, limits({ window_start: '8am' }))).status).toBe(400);
    expect((await send(ada.auth, 'PUT', SETTINGS, limits({ per_day: 1 }))).status).toBe(403);
    expect((await send(admin.auth, 'GET', SETTINGS)).body).toEqual(defaults);
    // One number sets every trigger's cooldown and comes back as one number; the tone is free words.
    const plain = {
      persona: { name: 'Mira', tone: 'calm and professional' },
      limits: { ...defaults.limits, cooldown_hours: 24 },
    };
    expect((await send(admin.auth, 'PUT', SETTINGS, plain)).body).toEqual(plain);
    expect((await send(admin.auth, 'GET', SETTINGS)).body).toEqual(plain);
    const tooLong = { ...plain, limits: { ...plain.limits, cooldown_hours: 169 } };
    expect((await send(admin.auth, 'PUT', SETTINGS, tooLong)).status).toBe(422);
    expect((await send(admin.auth, 'GET', SETTINGS)).body).toEqual(plain);
    // Inside them: check-ins from 09:00 only.
    expect((await send(admin.auth, 'PUT', SETTINGS, limits({ window_start: '09:00' }))).status).toBe(200);

    // The catalogue: bad links and unknown stages refused; two for newcomers, one for regulars.
    for (const bad of [
      { title: 'x', url: 'javascript:alert(1)', stages: ['newcomer'] },
      { title: 'x', url: 'ftp://example.org/a', stages: ['newcomer'] },
      { title: 'x', url: 'https://example.org/a', stages: ['veteran'] },
      { title: 'x'.repeat(121), url: 'https://example.org/a', stages: ['newcomer'] },
      { title: 'x', url: 'https://example.org/a', stages: [] },
    ])
      expect((await send(admin.auth, 'POST', RECOMMENDATIONS, bad)).status, JSON.stringify(bad)).toBe(400);
    const add = async (title: string, url: string, stages: string[]) =>
      (await send(admin.auth, 'POST', RECOMMENDATIONS, { title, url, stages })).body as { id: string };
    const first = await add('Start with one small task', 'https://example.org/one', ['newcomer']);
    await add('For regulars only', 'https://example.org/regular', ['regular']);
    const second = await add('Plan your week', 'https://example.org/two', ['settling-in']);
    const renamed = await send(admin.auth, 'PATCH', `${RECOMMENDATIONS}/${second.id}`, {
      stages: ['newcomer', 'settling-in'],
    });
    expect(renamed.status).toBe(200);
    expect((await send(admin.auth, 'GET', RECOMMENDATIONS)).body.items).toHaveLength(3);

    // Monday: a task and a hello each, then three quiet days.
    for (const p of [ada, boris]) {
      await h.call(p.auth, 'POST', '/api/v1/tasks', { title: 'Plan the week' });
      const before = await lastId(p.chat);
      await p.user.send('hello there');
      await waitMessage(h.clock, p.chat, /./, before);
    }
    await h.t.system.database.raw.query(
      "UPDATE users SET created_at = '2037-03-02T08:00:00Z', last_seen_at = '2037-03-02T08:00:00Z'",
    );
    const since = { ada: await lastId(ada.chat), boris: await lastId(boris.chat) };

    // Thursday 08:00 local: the third quiet day, but the admin's window opens at 09:00.
    await jumpTo(h.clock, '2037-03-05T07:00:00Z');
    await expectSilence(h.clock, ada.chat, since.ada, 16);
    const adminAuth = await signIn(h, admin.user);
    const decisions = await send(adminAuth, 'GET', `/api/v1/admin/companion/decisions?user_id=${ada.userId}`);
    expect(decisions.body.items).toContainEqual(
      expect.objectContaining({ trigger: 'inactivity', decision: 'skipped', reason: 'outside_hours' }),
    );

    // Thursday 19:00: the evening check-in carries the first newcomer recommendation, as a link.
    await jumpTo(h.clock, '2037-03-05T18:00:00Z');
    const thursday = {
      ada: await waitMessage(h.clock, ada.chat, /3 days/, since.ada),
      boris: await waitMessage(h.clock, boris.chat, /3 дн/, since.boris),
    };
    expect(thursday.ada.text).toContain('💡 Worth a look: Start with one small task');
    expect(thursday.boris.text).toContain('💡 Стоит взглянуть: Start with one small task');
    for (const m of Object.values(thursday))
      expect(m.inlineButtons()).toContainEqual({
        text: 'Start with one small task',
        url: 'https://example.org/one',
      });

    // Saturday 19:00 (the 48 h cooldown over): the next one carries the second, never the first again.
    await jumpTo(h.clock, '2037-03-07T18:00:00Z');
    const saturday = {
      ada: await waitMessage(h.clock, ada.chat, /5 days/, thursday.ada.id),
      boris: await waitMessage(h.clock, boris.chat, /5 дн/, thursday.boris.id),
    };
    expect(saturday.ada.text).toContain('Worth a look: Plan your week');
    expect(saturday.boris.text).toContain('Стоит взглянуть: Plan your week');
    for (const m of Object.values(saturday)) {
      expect(m.text).not.toContain('Start with one small task');
      expect(m.text).not.toContain('For regulars only');
    }
    const sends = await h.t.system.database.raw.query<{ n: string }>(
      'SELECT count(*) AS n FROM companion_recommendation_sends WHERE recommendation_id = $1',
      [first.id],
    );
    expect(Number(sends[0]?.n)).toBe(2);

    // Ada answers in words, Boris with a button; then Boris switches check-ins off in the settings.
    const beforeAnswer = await lastId(ada.chat);
    await ada.user.send('thanks, good idea');
    await waitMessage(h.clock, ada.chat, /./, beforeAnswer);
    const tour = saturday.boris.buttons().find((b) => b.includes('Что ты умеешь') || b.startsWith('🧭'));
    await saturday.boris.click(tour as string);
    await waitMessage(h.clock, boris.chat, /Я — Secretary/, saturday.boris.id);
    const borisAuth = await signIn(h, boris.user);
    const off = await send(borisAuth, 'PUT', '/api/v1/settings/companion.checkins', { value: false });
    expect(off.status).toBe(200);

    const engagement = await send(
      await signIn(h, admin.user),
      'GET',
      '/api/v1/admin/companion/engagement?weeks=2',
    );
    expect(engagement.status).toBe(200);
    const weeks = engagement.body.weeks as Array<Record<string, unknown>>;
    expect(weeks.map((w) => w.week_start)).toEqual(['2037-02-23', '2037-03-02']);
    expect(weeks[0]).toMatchObject({ check_ins_sent: 0, check_ins_answered: 0, opt_outs: 0, by_stage: {} });
    // Four sent (Thursday and Saturday to Ada and Boris; the admin never wrote to the companion, so
    // was not enrolled); Saturday's two answered; one opt-out; both read as newcomers at night.
    expect(weeks[1]).toEqual({
      week_start: '2037-03-02',
      check_ins_sent: 4,
      check_ins_answered: 2,
      opt_outs: 1,
      by_stage: { newcomer: 2 },
    });
    for (const weeksParam of ['0', '53', 'x'])
      expect(
        (
          await send(
            await signIn(h, admin.user),
            'GET',
            `/api/v1/admin/companion/engagement?weeks=${weeksParam}`,
          )
        ).status,
      ).toBe(400);
  }, 180_000);
});
