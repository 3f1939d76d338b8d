import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage, SandboxUser } from '../../../sandbox/client.ts';
import { jumpTo, lastId, person, startClockedSystem, waitMessage } from './e2e-support.ts';

// /reminders as a person meets it (issue 11, item 9): the list sorted by next run with a snoozed
// one-off in it and paused ones last, one button per reminder opening its card, and the card's
// edits, pause/resume and delete — in Russian and English, through the local Telegram.
// Monday 5 April 2027, 06:00 UTC: 09:00 in Moscow, 07:00 in London (summer time).
let t: TestSystem;
let clock: TestClock;
type Person = { user: SandboxUser; chat: SandboxChat; userId: string };
const people: Record<'ru' | 'en', Person> = {} as Record<'ru' | 'en', Person>;

beforeAll(async () => {
  ({ t, clock } = await startClockedSystem('2027-04-05T06:00:00Z'));
  people.ru = await person(t, 'rita', 'ru', 'Europe/Moscow');
  people.en = await person(t, 'ed', 'en', 'Europe/London');
});
afterAll(() => t.close());

interface Script {
  language: 'ru' | 'en';
  /** When this person starts, and when their "in 1 minute" is due. */
  start: string;
  fire: string;
  set: RegExp;
  create: string[];
  flowers: RegExp;
  snooze: string;
  snoozed: RegExp;
  list: string;
  listHead: RegExp;
  order: string[];
  pause: string;
  resume: string;
  pausedCard: string;
  pausedList: string;
  lastButton: string;
  bankCard: string;
  editTime: string;
  askTime: RegExp;
  newTime: string;
  savedTime: string;
  pastTime: string;
  pastWarning: string;
  moveTo: string;
  movedCard: string;
  editRepeat: string;
  weekdays: string;
  savedRepeat: RegExp;
  resumedToast: string;
  delete: string;
  confirm: string;
  yes: string;
  deletedToast: string;
  gone: RegExp;
}

const SCRIPTS: Script[] = [
  {
    language: 'ru',
    start: '2027-04-05T06:00:00Z',
    fire: '2027-04-05T06:01:00Z',
    set: /Напоминание поставлено/,
    create: [
      '/remind завтра в 10 позвонить в банк',
      '/remind каждый день в 20:00 выпить таблетку',
      '/remind каждый понедельник в 12:00 отчёт',
      '/remind через 1 минуту полить цветы',
    ],
    flowers: /^⏰ Полить цветы$/,
    snooze: '💤 1 ч',
    snoozed: /Отложено до пн 5 апр\., 10:01/,
    list: '/reminders',
    listHead: /Ваши напоминания/,
    order: [
      '⏰ Ваши напоминания (4), ближайшие сверху:',
      '1. Полить цветы — 💤 отложено до пн 5 апр., 10:01',
      '2. Отчёт — по пн в 12:00 (пн 5 апр., 12:00)',
      '3. Выпить таблетку — каждый день в 20:00 (пн 5 апр., 20:00)',
      '4. Позвонить в банк — вт 6 апр., 10:00',
    ],
    pause: '⏸ Пауза',
    resume: '▶️ Включить',
    pausedCard: '⏰ «Отчёт»\n⏸ На паузе: не сработает, пока не включите снова.\n🔁 Повтор: по пн в 12:00',
    pausedList: '4. Отчёт — по пн в 12:00 (⏸ на паузе)',
    lastButton: '⏸ 4. Отчёт',
    bankCard: '⏰ «Позвонить в банк»\n🕒 Ближайшее: вт 6 апр., 10:00\n🔂 Один раз',
    editTime: '🕒 Время',
    askTime: /^🕒 Когда напомнить про «Позвонить в банк»\?/,
    newTime: 'завтра в 11:30',
    savedTime: '✅ Сохранено.\n\n⏰ «Позвонить в банк»\n🕒 Ближайшее: вт 6 апр., 11:30\n🔂 Один раз',
    pastTime: 'сегодня в 4 утра',
    pastWarning: '⚠️ Это время уже прошло. Перенести на вт 6 апр., 04:00? Или пришлите другое время.',
    moveTo: '➡️ Перенести на вт 6 апр., 04:00',
    movedCard: '✅ Сохранено.\n\n⏰ «Позвонить в банк»\n🕒 Ближайшее: вт 6 апр., 04:00\n🔂 Один раз',
    editRepeat: '🔁 Повтор',
    weekdays: 'по будням в 8:30',
    savedRepeat:
      /^✅ Сохранено\.\n\n⏰ «Выпить таблетку»\n🕒 Ближайшее: вт 6 апр\., 08:30\n🔁 Повтор: по будням в 08:30$/,
    resumedToast: 'Снова включено.',
    delete: '🗑 Удалить',
    confirm: 'Удалить напоминание «Позвонить в банк»?',
    yes: '🗑 Да, удалить',
    deletedToast: '🗑 Удалено «Позвонить в банк».',
    gone: /^Этого напоминания больше нет/,
  },
  {
    language: 'en',
    start: '2027-04-05T06:10:00Z',
    fire: '2027-04-05T06:11:00Z',
    set: /Reminder set/,
    create: [
      '/remind tomorrow at 10 call the bank',
      '/remind every day at 20:00 take a pill',
      '/remind every Monday at 12:00 report',
      '/remind in 1 minute water the plants',
    ],
    flowers: /^⏰ Water the plants$/,
    snooze: '💤 1 h',
    snoozed: /Snoozed until Mon 5 Apr, 08:11/,
    list: '/reminders',
    listHead: /Your reminders/,
    order: [
      '⏰ Your reminders (4), soonest first:',
      '1. Water the plants — 💤 snoozed until Mon 5 Apr, 08:11',
      '2. Report — every Mon at 12:00 (Mon 5 Apr, 12:00)',
      '3. Take a pill — every day at 20:00 (Mon 5 Apr, 20:00)',
      '4. Call the bank — Tue 6 Apr, 10:00',
    ],
    pause: '⏸ Pause',
    resume: '▶️ Resume',
    pausedCard: "⏰ “Report”\n⏸ Paused: it won't fire until you resume it.\n🔁 Repeats every Mon at 12:00",
    pausedList: '4. Report — every Mon at 12:00 (⏸ paused)',
    lastButton: '⏸ 4. Report',
    bankCard: '⏰ “Call the bank”\n🕒 Next: Tue 6 Apr, 10:00\n🔂 Once',
    editTime: '🕒 Time',
    askTime: /^🕒 When should I remind you about “Call the bank”\?/,
    newTime: 'tomorrow at 11:30',
    savedTime: '✅ Saved.\n\n⏰ “Call the bank”\n🕒 Next: Tue 6 Apr, 11:30\n🔂 Once',
    pastTime: 'today at 4am',
    pastWarning: '⚠️ That time has already passed. Move it to Tue 6 Apr, 04:00, or send another time.',
    moveTo: '➡️ Move to Tue 6 Apr, 04:00',
    movedCard: '✅ Saved.\n\n⏰ “Call the bank”\n🕒 Next: Tue 6 Apr, 04:00\n🔂 Once',
    editRepeat: '🔁 Repeat',
    weekdays: 'every weekday at 8:30',
    savedRepeat:
      /^✅ Saved\.\n\n⏰ “Take a pill”\n🕒 Next: Mon 5 Apr, 08:30\n🔁 Repeats every weekday at 08:30$/,
    resumedToast: 'Resumed.',
    delete: '🗑 Delete',
    confirm: 'Delete the reminder “Call the bank”?',
    yes: '🗑 Yes, delete',
    deletedToast: '🗑 Deleted “Call the bank”.',
    gone: /^That reminder no longer exists/,
  },
];

describe.each(SCRIPTS)('$language: /reminders and the reminder card', (s) => {
  let list: SandboxMessage;

  it('lists by next run: a snoozed one-off with its snoozed time, then the rest by time', async () => {
    const { user, chat } = people[s.language];
    await jumpTo(clock, s.start);
    for (const line of s.create) {
      await user.send(line);
      await chat.nextMessage(s.set);
    }
    const since = await lastId(chat);
    await jumpTo(clock, s.fire);
    const fired = await waitMessage(clock, chat, s.flowers, since);
    await fired.click(s.snooze);
    await chat.waitForEdit(fired, s.snoozed);

    await user.send(s.list);
    list = await chat.nextMessage(s.listHead);
    expect(list.text.split('\n').slice(0, 5)).toEqual(s.order);
    // One button per reminder, in the list's order.
    expect(list.buttons()).toEqual(s.order.slice(1).map((line) => line.replace(/ — .*$/, '')));
  });

  it('a paused reminder is marked and goes last', async () => {
    const { chat } = people[s.language];
    await list.click(/^2\. /);
    const card = await chat.waitForEdit(list, (m) => m.buttons().includes(s.pause));
    await card.click(s.pause);
    const paused = await chat.waitForEdit(list, (m) => m.text === s.pausedCard);
    expect(paused.buttons()).toContain(s.resume);
    await paused.click(/^« /);
    const again = await chat.waitForEdit(list, s.listHead);
    expect(again.text.split('\n')[4]).toBe(s.pausedList);
    expect(again.buttons().at(-1)).toBe(s.lastButton);
    list = again;
  });

  let bankCard: SandboxMessage;
  let olderCard: SandboxMessage;
  it('open → edit time (typed), a past time offers the next sensible one', async () => {
    const { user, chat } = people[s.language];
    await list.click(/^3\. /);
    const card = await chat.waitForEdit(list, (m) => m.text === s.bankCard);
    await card.click(s.editTime);
    await chat.nextMessage(s.askTime);
    await user.send(s.newTime);
    const saved = await chat.nextMessage(/^✅/);
    expect(saved.text).toBe(s.savedTime);
    olderCard = saved;

    await saved.click(s.editTime);
    await chat.nextMessage(s.askTime);
    await user.send(s.pastTime);
    const warning = await chat.nextMessage(/^⚠️/);
    expect(warning.text).toBe(s.pastWarning);
    await warning.click(s.moveTo);
    bankCard = await chat.waitForEdit(warning, (m) => m.text === s.movedCard);
  });

  it('pause → resume → delete with confirmation; the list no longer has it', async () => {
    const { chat } = people[s.language];
    await bankCard.click(s.pause);
    const paused = await chat.waitForEdit(bankCard, (m) => m.buttons().includes(s.resume));
    const resumed = await paused.click(s.resume);
    expect(resumed.answer?.text).toBe(s.resumedToast);
    const active = await chat.waitForEdit(bankCard, (m) => m.buttons().includes(s.pause));
    expect(active.text).toBe(s.movedCard.split('\n\n')[1]);
    await active.click(s.delete);
    const confirm = await chat.waitForEdit(bankCard, (m) => m.text === s.confirm);
    const deleted = await confirm.click(s.yes);
    expect(deleted.answer?.text).toBe(s.deletedToast);
    const after = await chat.waitForEdit(bankCard, s.listHead);
    expect(after.text).not.toMatch(/bank|банк/);
    expect(after.buttons()).toHaveLength(3);

    // A card of it sent earlier still has buttons: they say it is gone and show the list instead.
    const stale = await olderCard.click(s.pause);
    expect(stale.answer?.text).toMatch(s.gone);
    expect((await chat.waitForEdit(olderCard, s.listHead)).buttons()).toHaveLength(3);
  });

  it('edit repeat reads the words /remind understands', async () => {
    const { user, chat } = people[s.language];
    await user.send(s.list);
    const fresh = await chat.nextMessage(s.listHead);
    await fresh.click(/^2\. /);
    const card = await chat.waitForEdit(fresh, (m) => m.buttons().includes(s.editRepeat));
    await card.click(s.editRepeat);
    await chat.nextMessage(/^🔁/);
    await user.send(s.weekdays);
    expect((await chat.nextMessage(/^✅/)).text).toMatch(s.savedRepeat);
  });
});
