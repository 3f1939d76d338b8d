import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage } from '../../../sandbox/client.ts';
import type { TaskService } from '../task-types.ts';
import { person, START, serviceOf, startBotSystem } from './bot-support.ts';

let t: TestSystem;
let clock: TestClock;
let tasks: TaskService;
beforeAll(async () => {
  ({ t, clock } = await startBotSystem());
  tasks = serviceOf(t, clock);
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const start = new Date(START).getTime();

/** Moves the test clock to `at`, then keeps the pollers turning until the message arrives. */
async function advanceUntil(at: number, chat: SandboxChat, pattern: RegExp): Promise<SandboxMessage> {
  await clock.setTime(at);
  for (let i = 0; i < 40; i++) {
    await clock.tick(1000);
    const found = await chat.nextMessage(pattern, { timeoutMs: 150 }).catch(() => null);
    if (found) return found;
  }
  throw new Error(`no message matching ${pattern}`);
}

async function advanceQuietly(at: number, chat: SandboxChat) {
  await clock.setTime(at);
  for (let i = 0; i < 10; i++) await clock.tick(1000);
  await chat.expectNoMessage(300);
}

describe('deadline notifications', () => {
  it('en: fire 24 h and 1 h before, once each, with the card buttons; none for a task done meanwhile', async () => {
    const { user, userId } = await person(t, 'walt', 'en', 'UTC');
    const chat = user.privateChat();
    const due = start + 48 * HOUR;
    await tasks.create(userId, { title: 'Tax return', dueAt: new Date(due), priority: 'high' });
    const other = await tasks.create(userId, { title: 'Water plants', dueAt: new Date(due + 30 * 60_000) });

    await advanceQuietly(due - 25 * HOUR, chat);
    const first = await advanceUntil(due - 24 * HOUR, chat, /Due in 24 h:\n\nTax return/);
    expect(first.buttons()).toEqual(expect.arrayContaining(['✅ Done', '⏩ Deadline +1 h', '🗑 Delete']));
    await advanceUntil(due - 23.5 * HOUR, chat, /Due in 24 h:\n\nWater plants/);

    await tasks.complete(userId, other.id);
    const second = await advanceUntil(due - HOUR, chat, /Due in 1 h:\n\nTax return/);
    expect(second.text).toContain('Wed 4 Mar, 08:00');
    await advanceQuietly(due + HOUR, chat);
    const all = (await chat.messages())
      .filter((m) => m.fromBot)
      .map((m) => m.text.split('\n\n')[1]?.split('\n')[0]);
    expect(all).toEqual(['Tax return', 'Water plants', 'Tax return']);
    // The notification's Done button works like the card's.
    await second.click('✅ Done');
    await chat.waitForEdit(second, /Status: done/);
  });

  it('ru: a moved deadline notifies at the new time only; quiet hours hold a non-urgent one', async () => {
    const { user, userId } = await person(t, 'zoya', 'ru', 'Europe/Moscow');
    await t.system.users.updateSettings(userId, { quietHours: { start: '23:00', end: '08:00' } });
    const chat = user.privateChat();
    await clock.setTime('2037-03-10T08:00:00Z'); // 11:00 in Moscow
    const task = await tasks.create(userId, { title: 'Отчёт', dueAt: new Date('2037-03-11T12:00:00Z') });
    // Moved to 08:30 Moscow time: 24 h before is 08:30 (awake), 1 h before is 07:30 (quiet until 08:00).
    await tasks.update(userId, task.id, { dueAt: new Date('2037-03-12T05:30:00Z') });
    await advanceQuietly(Date.parse('2037-03-10T12:30:00Z'), chat); // the old 24 h moment passes silently
    const day = await advanceUntil(Date.parse('2037-03-11T05:30:00Z'), chat, /Срок через 24 ч/);
    expect(day.text).toContain('Отчёт');
    expect(day.text).toContain('чт 12 мар., 08:30');
    expect(day.buttons()).toContain('✅ Готово');
    await advanceQuietly(Date.parse('2037-03-12T04:31:00Z'), chat); // 07:31: held by quiet hours
    const hour = await advanceUntil(Date.parse('2037-03-12T05:00:00Z'), chat, /Срок через 1 ч/);
    expect(hour.text).toContain('Отчёт');
  });

  it('notifications off: a deadline alert still comes, silently — the same rule as reminders', async () => {
    const { user, userId } = await person(t, 'nora', 'en', 'UTC');
    await t.system.users.updateSettings(userId, { notificationsEnabled: false });
    const chat = user.privateChat();
    await clock.setTime('2037-04-01T08:00:00Z');
    await tasks.create(userId, { title: 'Silent one', dueAt: new Date('2037-04-02T12:00:00Z') });
    await advanceUntil(Date.parse('2037-04-01T12:00:00Z'), chat, /Due in 24 h:\n\nSilent one/);
    const sends = (await t.sb.calls('sendMessage')).filter((c) =>
      String(c.params.text).includes('Silent one'),
    );
    expect(sends.map((c) => c.params.disable_notification)).toEqual([true]);
  });
});
