import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import {
  messagesOf,
  type ScriptedModel,
  type ScriptedRequest,
  scriptedModelEnv,
  startScriptedModel,
} from '../../../../test/support/scripted-model.ts';
import { remindersModule } from '../../reminders/index.ts';
import { tasksModule } from '../../tasks/index.ts';
import { companionModule } from '../index.ts';
import { signIn } from './sign-in.ts';

// Seed 004's journey: at the 04:00 refresh the model judges the stage from the activity log, with a
// progress figure and its reason; the rules catch a nonsensical answer and stand in without a model.
// What the person sees: /profile in the chat and GET /api/v1/companion/profile. Berlin is UTC+1.
const JOURNEY = 'Judge where the user of a personal assistant is on their journey';
const CHAT = /^You are \S+, a \S+ personal assistant in Telegram/;
const START = '2037-03-02T08:00:00Z'; // Monday 09:00 in Berlin
const REFRESH = '2037-03-03T03:00:00Z'; // Tuesday 04:00 in Berlin
const isRu = (r: ScriptedRequest) => r.text.includes('in Russian');

interface Person {
  user: Awaited<ReturnType<CapabilityHarness['person']>>['user'];
  chat: Awaited<ReturnType<CapabilityHarness['person']>>['chat'];
  userId: string;
  auth: Record<string, string>;
}

/** Monday: a task done (the activity the model reads) or only a hello, then the account rows on the test clock. */
async function monday(h: CapabilityHarness, people: Array<{ p: Person; task: boolean }>, hello: RegExp) {
  for (const { p, task } of people) {
    if (task) {
      const made = await h.call(p.auth, 'POST', '/api/v1/tasks', { title: 'Plan the week' });
      await h.call(p.auth, 'PATCH', `/api/v1/tasks/${made.id}`, { status: 'done' });
    }
    const before = await lastId(p.chat);
    await p.user.send('hello?');
    await waitMessage(h.clock, p.chat, hello, before);
  }
  // Account rows are stamped by PostgreSQL's clock, not the test clock (see check-in-schedule).
  await h.t.system.database.raw.query(`UPDATE users SET created_at = '${START}', last_seen_at = '${START}'`);
}

/** The profile as the API gives it, once the refresh has run (ticking the test clock until then). */
async function refreshed(h: CapabilityHarness, clock: TestClock, p: Person) {
  const auth = await signIn(h, p.user);
  for (let i = 0; i < 60; i++) {
    const profile = await h.call(auth, 'GET', '/api/v1/companion/profile');
    if (profile.refreshed_at) return profile;
    await clock.tick(250);
  }
  throw new Error('the 04:00 refresh did not run');
}

async function profileCard(h: CapabilityHarness, p: Person, ru: boolean) {
  const before = await lastId(p.chat);
  await p.user.send('/profile');
  return (await waitMessage(h.clock, p.chat, ru ? /Ваш профиль/ : /Your profile/, before)).text;
}

describe('the journey judged by the model', () => {
  let h: CapabilityHarness;
  let model: ScriptedModel;
  beforeAll(async () => {
    model = await startScriptedModel({
      rules: [
        { when: (r) => CHAT.test(r.text), reply: { text: 'Hello!' } },
        {
          // A person who got something done gets a sensible reading; one who only chatted, nonsense.
          when: JOURNEY,
          reply: (r) => ({
            json: r.text.includes('"task.done"')
              ? {
                  stage: 'regular',
                  progress: 62,
                  reason: isRu(r)
                    ? 'Закрыли задачу в первый же день — хороший темп.'
                    : 'Closed a task on day one — a good pace.',
                }
              : { stage: 'drifting-away', progress: 250, reason: 'gone for good' },
          }),
        },
      ],
    });
    h = await startCapabilityHarness([tasksModule, remindersModule, companionModule], {
      start: START,
      env: scriptedModelEnv(model),
    });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await model?.close();
  });

  it('shows the model’s stage, progress and reason in /profile and the API (ru, en); nonsense falls back to the rules', async () => {
    const admin = await h.person('Admin', { roles: ['admin'] });
    // The admin's persona reaches the model's prompts.
    const settings = await h.call(admin.auth, 'GET', '/api/v1/admin/companion/settings');
    await h.call(admin.auth, 'PUT', '/api/v1/admin/companion/settings', {
      ...settings,
      persona: { name: 'Nova', tone: 'warm' },
    });
    const ada = await h.person('Ada', { language: 'en' });
    const boris = await h.person('Борис', { language: 'ru' });
    const cleo = await h.person('Cleo', { language: 'en' });
    const dima = await h.person('Дима', { language: 'ru' });
    await monday(
      h,
      [
        { p: ada, task: true },
        { p: boris, task: true },
        { p: cleo, task: false },
        { p: dima, task: false },
      ],
      /Hello!/,
    );
    const chat = model.requests.find((r) => CHAT.test(r.text));
    expect(messagesOf(chat as ScriptedRequest)[0]?.content).toMatch(
      /^You are Nova, a warm personal assistant/,
    );

    await jumpTo(h.clock, REFRESH);
    const sensible = {
      en: 'Closed a task on day one — a good pace.',
      ru: 'Закрыли задачу в первый же день — хороший темп.',
    };
    for (const [p, ru] of [
      [ada, false],
      [boris, true],
    ] as const) {
      const profile = await refreshed(h, h.clock, p);
      expect(profile).toMatchObject({
        stage: 'regular',
        progress: 62,
        progress_reason: ru ? sensible.ru : sensible.en,
      });
      const card = await profileCard(h, p, ru);
      expect(card).toContain(ru ? '(этап: постоянный)' : '(stage: regular)');
      expect(card).toContain(`▰▰▰▰▰▰▱▱▱▱ 62% — ${ru ? sensible.ru : sensible.en}`);
    }
    // Drifting away on day two with 250 %: the rules' reading instead (newcomer, 1 active day of 14).
    for (const [p, ru] of [
      [cleo, false],
      [dima, true],
    ] as const) {
      const profile = await refreshed(h, h.clock, p);
      expect(profile).toMatchObject({
        stage: 'newcomer',
        progress: 7,
        progress_reason: ru ? 'Активны 1 из последних 14 дней.' : 'Active on 1 of the last 14 days.',
      });
      const card = await profileCard(h, p, ru);
      expect(card).toContain(ru ? '(этап: новичок)' : '(stage: newcomer)');
      expect(card).toContain(
        ru ? '7% — Активны 1 из последних 14 дней.' : '7% — Active on 1 of the last 14 days.',
      );
      expect(card).not.toContain('gone for good');
    }
    const asked = model.requests.filter((r) => r.text.includes(JOURNEY));
    expect(asked.length).toBeGreaterThanOrEqual(4);
    expect(asked[0]?.text).toContain('the assistant is called Nova');
    // The reason is the model's text about the person: sealed at rest.
    const raw = await h.t.system.database.raw.query<{ progress_reason: string }>(
      'SELECT progress_reason FROM companion_profiles WHERE user_id = $1',
      [ada.userId],
    );
    expect(raw[0]?.progress_reason).not.toContain('Closed a task');
  }, 180_000);
});

describe('the journey without a model', () => {
  let h: CapabilityHarness;
  beforeAll(async () => {
    h = await startCapabilityHarness([tasksModule, remindersModule, companionModule], { start: START });
  }, 180_000);
  afterAll(() => h?.close());

  it('the rules give the stage, progress and reason (ru, en)', async () => {
    const eva = await h.person('Eva', { language: 'en' });
    const fedor = await h.person('Фёдор', { language: 'ru' });
    await monday(
      h,
      [
        { p: eva, task: true },
        { p: fedor, task: true },
      ],
      /./,
    );
    await jumpTo(h.clock, REFRESH);
    for (const [p, ru] of [
      [eva, false],
      [fedor, true],
    ] as const) {
      expect(await refreshed(h, h.clock, p)).toMatchObject({
        stage: 'newcomer',
        progress: 7,
        progress_reason: ru ? 'Активны 1 из последних 14 дней.' : 'Active on 1 of the last 14 days.',
      });
      const card = await profileCard(h, p, ru);
      expect(card).toContain(ru ? '(этап: новичок)' : '(stage: newcomer)');
      expect(card).toContain('▰▱▱▱▱▱▱▱▱▱ 7%');
    }
  }, 120_000);
});
