import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/i18n.ts';
import type { NotifyMessage } from '../../../platform/telegram/index.ts';
import { REMINDERS_LOCALES_DIR } from '../bot/reminder-feature.ts';
import { createDigestHandler } from '../digest-job.ts';
import { createOccurrenceScheduler } from '../occurrence-scheduler.ts';
import { createFireHandler } from '../reminder-firing.ts';
import {
  type DigestJob,
  type FireJob,
  REMINDER_DIGEST_QUEUE,
  REMINDER_FIRE_QUEUE,
  type TaskLister,
} from '../reminder-types.ts';
import { type ReminderHarness, startReminderHarness } from './reminder-harness.ts';

let h: ReminderHarness;
let userId: string;
const sent: NotifyMessage[] = [];
const i18n = createI18n([REMINDERS_LOCALES_DIR]);
const t = (language: string, key: string, variables?: Record<string, string | number>) =>
  i18n.t(language, key, variables);
const notify = async (message: NotifyMessage) => {
  sent.push(message);
  return 'job';
};
const job = <T>(id: string, data: T) => ({
  id,
  queue: 'q',
  data,
  retryCount: 0,
  signal: new AbortController().signal,
});

beforeAll(async () => {
  h = await startReminderHarness('2026-03-02T05:00:00Z');
  const user = await h.users.upsertFromTelegram({ id: 777, first_name: 'Vera', language_code: 'en' });
  await h.users.updateSettings(user.id, { timezone: 'Europe/Moscow' });
  userId = user.id;
});
afterAll(() => h.close());

describe('fire job', () => {
  it('sends once: a second run of the same job, or a job the occurrence no longer waits for, does nothing', async () => {
    const { db } = h.testDb.database;
    const now = () => new Date(h.clock.now());
    const fire = createFireHandler({
      db,
      users: h.users,
      scheduler: createOccurrenceScheduler({ jobs: h.runtime.jobs }),
      notify,
      now,
      t,
    });
    const reminder = await h.reminders.create(userId, {
      text: 'Stretch',
      dueAt: null,
      rrule: 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0',
    });
    const [pending] = await h.runtime.jobs.pending<FireJob>(REMINDER_FIRE_QUEUE);
    if (!pending) throw new Error('no job');
    await h.clock.setTime(pending.startAfter);
    expect(await fire(job(pending.id, pending.data))).toMatchObject({ outcome: 'sent', lateness_ms: 0 });
    expect(await fire(job(pending.id, pending.data))).toEqual({ outcome: 'stale' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      chatId: 777,
      text: '⏰ Stretch',
      dedupeKey: `reminder:${pending.data.occurrenceId}:1`,
    });
    // The series moved on to tomorrow, exactly one job.
    // (The job ran outside pg-boss here, so pg-boss still lists it as waiting.)
    const next = (await h.runtime.jobs.pending<FireJob>(REMINDER_FIRE_QUEUE)).filter(
      (j) => j.id !== pending.id,
    );
    expect(next.map((j) => j.startAfter.toISOString())).toEqual(['2026-03-03T06:00:00.000Z']);
    expect((await h.reminders.get(userId, reminder.id)).nextAt?.toISOString()).toBe(
      '2026-03-03T06:00:00.000Z',
    );

    // Snoozed from the message: the old job id is stale, the new one sends a second time.
    await h.reminders.snooze(userId, pending.data.occurrenceId, new Date('2026-03-02T06:15:00Z'));
    expect(await fire(job(pending.id, pending.data))).toEqual({ outcome: 'stale' });
    const snoozed = (await h.runtime.jobs.pending<FireJob>(REMINDER_FIRE_QUEUE)).find(
      (j) => j.data.occurrenceId === pending.data.occurrenceId && j.id !== pending.id,
    );
    if (!snoozed) throw new Error('no snoozed job');
    await h.clock.setTime(snoozed.startAfter);
    expect(await fire(job(snoozed.id, snoozed.data))).toMatchObject({ outcome: 'sent' });
    expect(sent.at(-1)?.dedupeKey).toBe(`reminder:${pending.data.occurrenceId}:2`);
    await h.reminders.remove(userId, reminder.id);
  });
});

describe('digest job', () => {
  const tasks: TaskLister = {
    async listDueBetween(_user, from, to) {
      const at = new Date('2026-03-03T15:00:00Z');
      return at >= from && at < to ? [{ id: 't1', title: 'Essay', dueAt: at, priority: 'high' }] : [];
    },
  };

  it("lists the day's tasks and reminders in one message, skips an empty day, and reschedules", async () => {
    const { db } = h.testDb.database;
    const now = () => new Date(h.clock.now());
    const handler = createDigestHandler({
      db,
      users: h.users,
      jobs: h.runtime.jobs,
      notify,
      now,
      t,
      reminders: h.reminders,
      tasks,
    });
    await h.reminders.create(userId, {
      text: 'Call mom',
      dueAt: new Date('2026-03-03T07:30:00Z'),
      rrule: null,
    });
    await h.digest.set(userId, '08:00');
    sent.length = 0;
    const [first] = await h.runtime.jobs.pending<DigestJob>(REMINDER_DIGEST_QUEUE);
    if (!first) throw new Error('no digest job');
    expect(first.startAfter.toISOString()).toBe('2026-03-03T05:00:00.000Z');
    await h.clock.setTime(first.startAfter);
    const outcome = await handler(job(first.id, first.data));
    expect(outcome).toMatchObject({ outcome: 'sent', items: 2 });
    expect(await handler(job(first.id, first.data))).toEqual({ outcome: 'stale' });
    expect(sent).toEqual([
      {
        chatId: 777,
        text: '☀️ Good morning! Your day, Tuesday 3 March\n\nTasks (1):\n• 18:00 ❗ Essay\n\nReminders (1):\n• 10:30 Call mom',
        dedupeKey: `digest:${userId}:2026-03-03`,
      },
    ]);
    const [second] = (await h.runtime.jobs.pending<DigestJob>(REMINDER_DIGEST_QUEUE)).filter(
      (j) => j.id !== first.id,
    );
    if (!second) throw new Error('no next digest job');
    expect(second.startAfter.toISOString()).toBe('2026-03-04T05:00:00.000Z');
    await h.clock.setTime(second.startAfter);
    expect(await handler(job(second.id, second.data))).toMatchObject({ outcome: 'empty' });
    expect(sent).toHaveLength(1);
    const third = (await h.runtime.jobs.pending(REMINDER_DIGEST_QUEUE)).filter(
      (j) => ![first.id, second.id].includes(j.id),
    );
    expect(third.map((j) => j.startAfter.toISOString())).toEqual(['2026-03-05T05:00:00.000Z']);
  });
});
