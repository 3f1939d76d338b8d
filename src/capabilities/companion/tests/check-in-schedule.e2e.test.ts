import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { companionModule } from '../index.ts';

// The whole path a person meets: the per-user 08:00 schedule fires as a job on the injected clock,
// the trigger engine reads the activity log, the gate decides, the message reaches the chat in the
// local Telegram. Berlin is UTC+1 in March 2037: 07:00Z is 08:00 local.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([tasksModule, remindersModule, companionModule], {
    start: '2037-03-02T08:00:00Z', // Monday 09:00 in Berlin
  });
}, 120_000);
afterAll(() => h?.close());

async function decisionsOf(userId: string) {
  const admin = await h.person(`Admin ${userId.slice(0, 4)}`, { roles: ['admin'] });
  const res = await h.request(`/api/v1/admin/companion/decisions?user_id=${userId}`, { headers: admin.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ trigger: string; decision: string; reason: string }> })
    .items;
}

describe('a check-in through the schedule, in the chat', () => {
  it('writes at 08:00 local on the third quiet day — not at 07:59 — in each person’s language; opt-out stops it', async () => {
    const ada = await h.person('Ada', { language: 'en', timezone: 'Europe/Berlin' });
    const boris = await h.person('Борис', { language: 'ru', timezone: 'Europe/Berlin' });
    const olga = await h.person('Ольга', { language: 'ru', timezone: 'Europe/Berlin' });
    // Monday: each adds a task (the activity log) and says hello (the companion enrols whoever
    // reaches it; an hourly job enrols the rest).
    for (const p of [ada, boris, olga]) {
      const res = await h.request('/api/v1/tasks', {
        method: 'POST',
        headers: p.auth,
        body: JSON.stringify({ title: 'Plan the week' }),
      });
      expect(res.status).toBe(201);
      const before = await lastId(p.chat);
      await p.user.send(p === ada ? 'hello there' : 'привет');
      await waitMessage(h.clock, p.chat, /./, before);
    }
    // The account rows were stamped by PostgreSQL's clock (today), not the test clock (2037): put
    // them on the test clock, or the accounts look 11 years old and the journey stage jumps.
    await h.t.system.database.raw.query(
      "UPDATE users SET created_at = '2037-03-02T08:00:00Z', last_seen_at = '2037-03-02T08:00:00Z'",
    );
    const optOut = await h.request('/api/v1/settings/companion.checkins', {
      method: 'PUT',
      headers: olga.auth,
      body: JSON.stringify({ value: false }),
    });
    expect(optOut.status).toBe(200);

    // Wednesday 08:00: two quiet days are not enough.
    const since = {
      ada: await lastId(ada.chat),
      boris: await lastId(boris.chat),
      olga: await lastId(olga.chat),
    };
    await jumpTo(h.clock, '2037-03-04T07:00:00Z');
    await expectSilence(h.clock, ada.chat, since.ada);

    // Thursday 07:59 local: the third quiet day, but not yet the hour.
    await jumpTo(h.clock, '2037-03-05T06:59:00Z');
    await expectSilence(h.clock, ada.chat, since.ada);
    await expectSilence(h.clock, boris.chat, since.boris, 2);

    await jumpTo(h.clock, '2037-03-05T07:00:00Z');
    const en = await waitMessage(h.clock, ada.chat, /3 days/, since.ada);
    expect(en.text).toContain('Ada');
    const ru = await waitMessage(h.clock, boris.chat, /3 дн/, since.boris);
    expect(ru.text).toContain('Борис');
    await expectSilence(h.clock, olga.chat, since.olga, 8);

    // Exactly one each, and the opted-out person's skip is logged with its reason.
    const fromBot = async (p: typeof ada, after: number) =>
      (await p.chat.messages()).filter((m) => m.fromBot && m.id > after);
    expect(await fromBot(ada, since.ada)).toHaveLength(1);
    expect(await fromBot(boris, since.boris)).toHaveLength(1);
    expect(await decisionsOf(ada.userId)).toContainEqual(
      expect.objectContaining({ trigger: 'inactivity', decision: 'sent' }),
    );
    expect(await decisionsOf(olga.userId)).toContainEqual(
      expect.objectContaining({ trigger: 'inactivity', decision: 'skipped', reason: 'opted_out' }),
    );
  });
});
