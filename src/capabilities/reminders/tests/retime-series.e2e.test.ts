import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { person, startClockedSystem } from './e2e-support.ts';

// Issue 37, item 14: "🕒 Time" on a reminder that repeats on Mon and Wed, told "tomorrow at 11"
// (a Tuesday), changes the time and keeps the days: the next one is Wednesday at 11:00, not a
// Tuesday and not "once". A new repetition typed there ("every day at 8") replaces the rule, and
// the answer says so. Monday 5 April 2027, 06:00 UTC: 09:00 in Moscow, 07:00 in London.
let t: TestSystem;
beforeAll(async () => {
  ({ t } = await startClockedSystem('2027-04-05T06:00:00Z'));
});
afterAll(() => t?.close());

const WORDS = {
  ru: {
    zone: 'Europe/Moscow',
    create: '/remind каждый пн и ср в 9:30 планёрка',
    set: /Напоминание поставлено/,
    list: '/reminders',
    open: /^1\. /,
    time: '🕒 Время',
    ask: /^🕒 Когда напомнить про «Планёрка»\?/,
    tomorrow: 'завтра в 11',
    kept: '✅ Сохранено.\n\n⏰ «Планёрка»\n🕒 Ближайшее: ср 7 апр., 11:00\n🔁 Повтор: по пн, ср в 11:00',
    daily: 'каждый день в 8',
    replaced:
      '✅ Сохранено. Повтор теперь другой: каждый день в 08:00 (было: по пн, ср в 11:00).\n\n⏰ «Планёрка»\n🕒 Ближайшее: вт 6 апр., 08:00\n🔁 Повтор: каждый день в 08:00',
  },
  en: {
    zone: 'Europe/London',
    create: '/remind every Mon and Wed at 9:30 stand-up',
    set: /Reminder set/,
    list: '/reminders',
    open: /^1\. /,
    time: '🕒 Time',
    ask: /^🕒 When should I remind you about “Stand-up”\?/,
    tomorrow: 'tomorrow at 11',
    kept: '✅ Saved.\n\n⏰ “Stand-up”\n🕒 Next: Wed 7 Apr, 11:00\n🔁 Repeats every Mon, Wed at 11:00',
    daily: 'every day at 8',
    replaced:
      '✅ Saved. The repetition changed too: every day at 08:00 (was every Mon, Wed at 11:00).\n\n⏰ “Stand-up”\n🕒 Next: Mon 5 Apr, 08:00\n🔁 Repeats every day at 08:00',
  },
} as const;

describe.each(['ru', 'en'] as const)('%s: a new time for a repeating reminder', (language) => {
  const w = WORDS[language];

  it('keeps its days; a new repetition typed instead replaces the rule and says so', async () => {
    const { user, chat } = await person(t, `retime_${language}`, language, w.zone);
    await user.send(w.create);
    await chat.nextMessage(w.set);
    await user.send(w.list);
    const list = await chat.nextMessage(/^⏰ /);
    await list.click(w.open);
    const card = await chat.waitForEdit(list, (m) => m.buttons().includes(w.time));

    await card.click(w.time);
    await chat.nextMessage(w.ask);
    await user.send(w.tomorrow);
    const kept = await chat.nextMessage(/^✅/);
    expect(kept.text).toBe(w.kept);

    await kept.click(w.time);
    await chat.nextMessage(w.ask);
    await user.send(w.daily);
    const replaced = await chat.nextMessage((m) => /^✅/.test(m.text) && m.id > kept.id);
    expect(replaced.text).toBe(w.replaced);
  });
});
