import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import {
  OP,
  type ScriptedModel,
  type ScriptedRequest,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { companionModule } from '../index.ts';

// The companion's scheduled work against the scripted model, on the injected clock: the 04:00
// profile refresh written by the model from the activity log, and the 08:00 check-in the model
// writes for one person and declines for another. Berlin is UTC+1 in March 2037.
let h: CapabilityHarness;
let model: ScriptedModel;
const isRu = (r: ScriptedRequest) => r.text.includes('Russian') || r.text.includes('(ru)');

beforeAll(async () => {
  model = await startScriptedModel({
    rules: [
      { when: OP.chat, reply: { text: 'Hello!' } },
      {
        when: OP.profile,
        reply: (r) => ({
          json: isRu(r)
            ? {
                summary: 'Планирует неделю по понедельникам.',
                interests: ['учёба'],
                goals: [],
                preferredTimes: 'утро',
              }
            : {
                summary: 'Plans the week on Mondays.',
                interests: ['planning'],
                goals: [],
                preferredTimes: 'mornings',
              },
        }),
      },
      {
        when: OP.checkIn,
        reply: (r) => ({
          json: isRu(r)
            ? { action: 'skip', text: '', reason: 'написал, что в отпуске' }
            : { action: 'send', text: 'Ada, one small task this morning?', reason: 'quiet for three days' },
        }),
      },
    ],
  });
  h = await startCapabilityHarness([tasksModule, remindersModule, companionModule], {
    start: '2037-03-02T08:00:00Z', // Monday 09:00 in Berlin
    env: scriptedModelEnv(model),
  });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await model?.close();
});

/** The first request past index `after` matching, moving the test clock until a job has sent it. */
async function requestOnClock(clock: TestClock, after: number, match: (r: ScriptedRequest) => boolean) {
  for (let i = 0; i < 40; i++) {
    const found = model.requests.slice(after).find(match);
    if (found) return found;
    await clock.tick(250);
  }
  throw new Error('the model was not asked');
}

describe('companion jobs with a model', () => {
  it('refreshes the profile from the activity log at 04:00, and the model writes or declines the check-in', async () => {
    const ada = await h.person('Ada', { language: 'en', timezone: 'Europe/Berlin' });
    const boris = await h.person('Борис', { language: 'ru', timezone: 'Europe/Berlin' });
    for (const p of [ada, boris]) {
      const task = await h.call(p.auth, 'POST', '/api/v1/tasks', { title: 'Plan the week' });
      await h.call(p.auth, 'PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' });
      const before = await lastId(p.chat);
      await p.user.send('hello?');
      await waitMessage(h.clock, p.chat, /Hello!/, before);
    }
    // Account rows are stamped by PostgreSQL's clock, not the test clock (see check-in-schedule).
    await h.t.system.database.raw.query(
      "UPDATE users SET created_at = '2037-03-02T08:00:00Z', last_seen_at = '2037-03-02T08:00:00Z'",
    );

    // Tuesday 04:00 local: the refresh asks the model, with the 30 days of activity it summarises.
    const beforeRefresh = model.requests.length;
    expect(model.requests.some((r) => r.text.startsWith(OP.profile))).toBe(false);
    await jumpTo(h.clock, '2037-03-03T03:00:00Z');
    for (const p of [ada, boris]) {
      const ru = p === boris;
      const asked = await requestOnClock(
        h.clock,
        beforeRefresh,
        (r) => r.text.startsWith(OP.profile) && isRu(r) === ru,
      );
      expect(asked.text).toMatch(/"task\.done":1/);
      expect(asked.text).toMatch(/"companion\.chat":1/);
      const before = await lastId(p.chat);
      await p.user.send('/profile');
      const card = await waitMessage(h.clock, p.chat, ru ? /Ваш профиль/ : /Your profile/, before);
      expect(card.text).toContain(ru ? 'Планирует неделю по понедельникам.' : 'Plans the week on Mondays.');
    }

    // Thursday 08:00 local, the third quiet day: the model writes to Ada and declines for Boris.
    const since = { ada: await lastId(ada.chat), boris: await lastId(boris.chat) };
    const beforeCheckIns = model.requests.length;
    await jumpTo(h.clock, '2037-03-05T07:00:00Z');
    const checkIn = await waitMessage(h.clock, ada.chat, /one small task this morning/, since.ada);
    expect(checkIn.text).toBe('Ada, one small task this morning?');
    const asked = await requestOnClock(
      h.clock,
      beforeCheckIns,
      (r) => r.text.startsWith(OP.checkIn) && !isRu(r),
    );
    expect(asked.text).toContain('"trigger":"inactivity"');
    await expectSilence(h.clock, boris.chat, since.boris, 8);
    const admin = await h.person('Admin', { roles: ['admin'] });
    const log = await h.call(admin.auth, 'GET', `/api/v1/admin/companion/decisions?user_id=${boris.userId}`);
    expect(log.items).toContainEqual(
      expect.objectContaining({ decision: 'skipped', reason: 'model_skip: написал, что в отпуске' }),
    );
  }, 180_000);
});
