import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClockedSystem } from '../../src/capabilities/reminders/tests/e2e-support.ts';
import type { SandboxChat, SandboxMessage, SandboxUser } from '../../src/sandbox/client.ts';
import { jumpTo, lastId, waitMessage } from '../support/clock-waits.ts';
import type { TestSystem } from '../support/test-system.ts';

// A newcomer's first minutes (issue 11), in each language, through the local Telegram and the
// whole system. Monday 2 March 2037, 02:17 UTC: 05:17 in Moscow, 02:17 in London.
let t: TestSystem;
let clock: Awaited<ReturnType<typeof startClockedSystem>>['clock'];
const START = '2037-03-02T02:17:00Z';

beforeAll(async () => {
  ({ t, clock } = await startClockedSystem(START));
});
afterAll(() => t.close());

const OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);

/** The bot's next message after `since` (no clock moves: the bot answers updates at once). */
async function reply(chat: SandboxChat, matcher: RegExp): Promise<SandboxMessage> {
  return chat.nextMessage(matcher);
}

async function saveCard(chat: SandboxChat, card: SandboxMessage, saveLabel: string, saved: RegExp) {
  await card.click(saveLabel);
  return chat.waitForEdit(card, (m) => saved.test(m.text));
}

interface Script {
  language: 'ru' | 'en';
  languageCode: string;
  name: string;
  welcome: RegExp;
  guessed: string;
  kept: RegExp;
  task: string;
  card: string;
  dropCourse: string;
  save: string;
  savedTask: RegExp;
  tasksList: RegExp;
  inOneMinute: string;
  reminderCard: RegExp;
  savedReminder: RegExp;
  fired: RegExp;
  everyTwoHours: string;
  twoHoursWords: string;
  past: string;
  /** A day already gone, said in words: read as that day (and so past), not moved to today. */
  yesterday: string;
  pastWarning: RegExp;
  moveTo: RegExp;
  badTime: string;
  badTimeReply: RegExp;
  voiceReply: RegExp;
  link: string;
  linkReply: RegExp;
  inbox: string;
}

const SCRIPTS: Script[] = [
  {
    language: 'ru',
    languageCode: 'ru',
    name: 'Вера',
    welcome: /^Привет, Вера! Я Secretary\. Просто напишите, что нужно сделать/,
    guessed: 'Europe/Moscow (UTC+03:00), там сейчас 05:17',
    kept: /^🕒 Оставляю Europe\/Moscow \(UTC\+03:00\) \(там сейчас 05:17\)/,
    task: 'Сдать эссе по истории в пятницу 18:00 !high',
    card: '📝 Задача: Сдать эссе по истории\n🗓 пт 6 мар., 18:00 · ❗ высокий\n📚 Курс: история? (моя догадка — уберите, если не так)',
    dropCourse: '✖️ Это не курс',
    save: '💾 Сохранить',
    savedTask: /^✅ Задача сохранена: «Сдать эссе по истории» · срок пт 6 мар\., 18:00$/,
    tasksList: /Сдать эссе по истории/,
    inOneMinute: 'напомни через 1 минуту выпить воды',
    reminderCard: /^⏰ Напоминание: Выпить воды/,
    savedReminder: /^✅ Напоминание поставлено: «Выпить воды» · пн 2 мар\., 05:18$/,
    fired: /Выпить воды/,
    everyTwoHours: 'напоминай пить воду каждые 2 часа',
    twoHoursWords: '🔁 каждые 2 часа',
    past: 'позвонить в банк сегодня в 4 утра',
    yesterday: 'напомни вчера в 9 позвонить маме',
    pastWarning: /⚠️ Это время уже прошло\./,
    moveTo: /^➡️ Перенести на вт 3 мар\., 04:00$/,
    badTime: 'встреча в 25:00',
    badTimeReply: /«25:00» — не время суток/,
    voiceReply: /Распознавание речи на этом сервере не настроено/,
    link: 'https://example.com/article',
    linkReply: /^(📁 В теме|🤔 В какую тему)/,
    inbox: '📥 Входящие',
  },
  {
    language: 'en',
    languageCode: 'en-GB',
    name: 'Ann',
    welcome: /^Hi, Ann! I'm Secretary\. Just write what you need to do/,
    guessed: "Europe/London (UTC), where it's 02:1",
    kept: /^🕒 Keeping Europe\/London \(UTC\) \(it's 02:1\d there now\)/,
    task: 'Сдать курсовую по истории до 15 декабря',
    card: '📝 Task: Сдать курсовую по истории\n🗓 Tue 15 Dec\n📚 Course: история? (my guess — drop it if wrong)',
    dropCourse: '✖️ Not a course',
    save: '💾 Save',
    savedTask: /^✅ Task saved: “Сдать курсовую по истории” · due Tue 15 Dec$/,
    tasksList: /Сдать курсовую по истории/,
    inOneMinute: 'remind me in 1 minute to stretch',
    reminderCard: /^⏰ Reminder: Stretch/,
    savedReminder: /^✅ Reminder set: “Stretch” · Mon 2 Mar, 02:1\d$/,
    fired: /Stretch/,
    everyTwoHours: 'remind me to drink water every 2 hours',
    twoHoursWords: '🔁 every 2 hours',
    past: 'call the bank today at 1am',
    yesterday: 'remind me yesterday at 9 to call mom',
    pastWarning: /⚠️ That time has already passed\./,
    moveTo: /^➡️ Move to Tue 3 Mar, 01:00$/,
    badTime: 'meeting at 25:00',
    badTimeReply: /“25:00” isn't a time of day/,
    voiceReply: /Speech recognition is not set up on this server/,
    link: 'https://example.com/article',
    linkReply: /^(📁 Filed to|🤔 Which topic)/,
    inbox: '📥 Inbox',
  },
];

describe('the first ten minutes', () => {
  it.each(SCRIPTS)('$language: a newcomer', async (s) => {
    const user: SandboxUser = await t.sb.user(s.name, { first_name: s.name, language_code: s.languageCode });
    const chat = user.privateChat();

    // /start leads with one example and /help (the commands are /help's list, issue 37) and
    // guesses the timezone.
    await user.send('/start');
    const welcome = await reply(chat, s.welcome);
    expect(welcome.text).toContain('/help');
    expect(welcome.text).not.toContain('/tasks');
    expect(welcome.text).toContain(s.guessed);

    // A task typed at once, not answering the question: the guess stands, the task is not lost.
    await user.send(s.task);
    await reply(chat, s.kept);
    const card = await reply(chat, /^📝/);
    expect(card.text).toBe(s.card);
    await card.click(s.dropCourse);
    const noCourse = await chat.waitForEdit(card, (m) => !m.text.includes('📚'));
    const saved = await saveCard(chat, noCourse, s.save, s.savedTask);
    expect(saved.buttons()).toEqual([]);

    await user.send('/tasks');
    await reply(chat, s.tasksList);

    // A reminder "in 1 minute" fires.
    await user.send(s.inOneMinute);
    const reminderCard = await reply(chat, s.reminderCard);
    await saveCard(chat, reminderCard, s.save, s.savedReminder);
    const before = await lastId(chat);
    await jumpTo(clock, new Date(clock.now() + 61_000).toISOString());
    const fired = await waitMessage(clock, chat, s.fired, before);
    expect(fired.buttons().length).toBeGreaterThan(0);

    // "every 2 hours" reads as words on the card and in the confirmation.
    await user.send(s.everyTwoHours);
    const series = await reply(chat, s.language === 'ru' ? /^⏰ Напоминание: / : /^⏰ Reminder: /);
    expect(series.text).toContain(s.twoHoursWords);
    expect(series.text).not.toContain('FREQ');
    const seriesSaved = await saveCard(chat, series, s.save, /^✅/);
    expect(seriesSaved.text).toContain(s.twoHoursWords);
    await user.send('/reminders');
    const list = await reply(chat, s.language === 'ru' ? /Ваши напоминания/ : /Your reminders/);
    expect(list.text).toContain(s.twoHoursWords.slice(3));
    expect(list.text).not.toContain('FREQ');

    // A time already past: said so, Save refuses politely, one tap moves it to the next sensible time.
    await user.send(s.past);
    const pastCard = await reply(chat, s.pastWarning);
    const refused = await pastCard.click(s.save);
    expect(JSON.stringify(refused)).toMatch(s.pastWarning);
    await pastCard.click(s.moveTo);
    const moved = await chat.waitForEdit(pastCard, (m) => !s.pastWarning.test(m.text));
    await saveCard(chat, moved, s.save, /^✅/);
    await user.send(s.yesterday);
    await reply(chat, s.pastWarning);

    // A bad clock time is explained; /help lists tasks and reminders; a voice message and a link are kept as notes.
    await user.send(s.badTime);
    await reply(chat, s.badTimeReply);
    await user.send('/help');
    const help = await reply(chat, /\/help/);
    for (const command of ['/new', '/tasks', '/remind', '/reminders', '/token'])
      expect(help.text).toContain(command);
    await user.sendVoice(OGG, { duration: 2 });
    await reply(chat, s.voiceReply);
    await user.send(s.link);
    const filed = await reply(chat, s.linkReply);
    // The default topic is named in the person's language (it was "Inbox" in Russian too).
    if (filed.text.includes('📥')) expect(filed.text).toContain(s.inbox);
  });
});
