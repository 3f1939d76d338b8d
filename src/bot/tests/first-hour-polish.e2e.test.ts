import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredPerson } from '../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage } from '../../sandbox/client.ts';

// Issue 37, the polish list, as a newcomer meets it offline (no model, no speech recognition), in
// Russian and English through the local Telegram: a short welcome, cities the lookup knew only in
// English, a line with only a time, what /help tells, an honest offline /reset and "👍", a calendar
// link that says when Google cannot reach it, and notes read in the person's language.
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
  await t.sb.limits(false);
});
afterAll(() => t?.close());

const fromBot = (after: number) => (m: SandboxMessage) => m.data.from?.is_bot === true && m.id > after;
async function answerTo(chat: SandboxChat, send: () => Promise<SandboxMessage>): Promise<SandboxMessage> {
  const sent = await send();
  return chat.nextMessage(fromBot(sent.id));
}

const WORDS = {
  en: {
    welcome:
      /^Hi, Neo! I'm Secretary\. Just write what you need to do, for example “dentist tomorrow at 10”.*\n\/help shows everything else I can do\.\n\n🕒 /,
    city: 'Tehran',
    citySet: /^Timezone set: Asia\/Tehran \(UTC\+03:30\)/,
    timeOnly: 'next tue 10am p1',
    askTitle: /^✏️ What is it\? I read only when: “next tue 10am p1”/,
    title: 'Dentist',
    card: /^📝 Task: Dentist\n🗓 Tue \d+ \w+, 10:00 · ‼️ urgent/,
    connect: /\n\/connect — \(in your forum group\) file notes into its topics\n/,
    broadcast: '/broadcast — Send an announcement (admins)',
    reset: /^Done — I have forgotten our conversation\. No language model is configured on this server/,
    paragraph: /^I can't hold a free conversation right now/,
    stage: 'Your profile (stage: newcomer)',
    ack: /^👌 I'm here\./,
    calendarHint: /⚠️ This address only works on this computer or network: Google and Apple .* PUBLIC_URL/s,
    findQuery: '/find voice',
    findNone: 'Nothing found for “voice”.',
    pastCall: 'call the bank yesterday at 10',
    pastCallCard: /^⏰ Reminder: Call the bank\n🗓 .*, 10:00\n⚠️ That time has already passed\.$/,
    pastVisit: 'dentist yesterday 10am',
    pastVisitCard: /^📝 Task: Dentist\n🗓 .*, 10:00\n⚠️ That time has already passed\.$/,
    moveNext: /^➡️ Move to .*, 10:00$/,
    connected: /^✅ Connected\./,
    forumTopic: 'Ideas',
    forumLine: 'a bigger desk for the study',
    threadFiled: '🗂 Kept as a note in Ideas.',
    findForum: '/find desk',
    statsNotes: '🗂 Notes filed: 2 (Inbox 2)',
    foundForum: /^🔎 “desk”: 1 found\n• a bigger desk for the study — Ideas, /,
    menu: /Main menu/,
    settings: '⚙️ Settings',
    stale: 'This button is out of date.',
    link: 'https://example.invalid/voice-article',
    filed: /^📁 Filed to 📥 Inbox$/,
    findLink: '/find voice-article',
    found: /^🔎 “voice-article”: 1 found\n• https:\/\/example\.invalid\/voice-article — 📥 Inbox, /,
    move: '↪️ Move',
    undo: '↩️ Undo',
    movePrompt: /^Move to which topic\?\n🎙 voice$/,
    newTopic: '➕ New topic',
    cancel: '✖️ Cancel',
    topicName: /^Name of the new topic\?/,
    topic: 'Voice memos',
    topicDone: '✅ Topic “Voice memos” is ready and the note is in it (the card above is updated).',
    filedInTopic: /^📁 Filed to Voice memos$/,
    topicsList:
      '🗂 Your note topics\n1. 📥 Inbox — 1\n2. Voice memos — 1\n\nPress a topic to rename it (its forum thread is renamed too).',
    renameAsk: /^New name for “Voice memos”\?/,
    renamedTo: 'Voice notes',
    renamed: '✅ Renamed: “Voice memos” → “Voice notes”.',
  },
  ru: {
    welcome:
      /^Привет, Neo! Я Secretary\. Просто напишите, что нужно сделать, например «стоматолог завтра в 10».*\n\/help покажет всё остальное, что я умею\.\n\n🕒 /,
    city: 'Тегеран',
    citySet: /^Часовой пояс: Asia\/Tehran \(UTC\+03:30\)/,
    timeOnly: 'в следующий вторник в 10 p1',
    askTitle: /^✏️ А что именно\? Я понял только, когда: «в следующий вторник в 10 p1»/,
    title: 'Стоматолог',
    card: /^📝 Задача: Стоматолог\n🗓 вт \d+ [^,]+, 10:00 · ‼️ срочно/,
    connect: /\n\/connect — \(в вашей группе-форуме\) раскладывать заметки по её темам\n/,
    broadcast: '/broadcast — Отправить объявление (админы)',
    reset: /^Готово — я забыл наш разговор\. Языковая модель на этом сервере не подключена/,
    paragraph: /^Свободно поговорить сейчас не получится/,
    stage: 'Ваш профиль (этап: новичок)',
    ack: /^👌 Я здесь\./,
    calendarHint:
      /⚠️ Этот адрес работает только на этом компьютере или в этой сети: Google и Apple .* PUBLIC_URL/s,
    findQuery: '/find голос',
    findNone: 'По запросу «голос» ничего не нашлось.',
    pastCall: 'позвонить в банк вчера в 10',
    pastCallCard: /^⏰ Напоминание: Позвонить в банк\n🗓 .*, 10:00\n⚠️ Это время уже прошло\.$/,
    pastVisit: 'стоматолог вчера в 10',
    pastVisitCard: /^📝 Задача: Стоматолог\n🗓 .*, 10:00\n⚠️ Это время уже прошло\.$/,
    moveNext: /^➡️ Перенести на .*, 10:00$/,
    connected: /^✅ Подключено\./,
    forumTopic: 'Идеи',
    forumLine: 'стол побольше для кабинета',
    threadFiled: '🗂 Сохранил как заметку в теме Идеи.',
    findForum: '/find стол',
    statsNotes: '🗂 Заметок разложено: 2 (Входящие 2)',
    foundForum: /^🔎 «стол»: найдено 1\n• стол побольше для кабинета — Идеи, /,
    menu: /Главное меню/,
    settings: '⚙️ Настройки',
    stale: 'Эта кнопка устарела.',
    link: 'https://example.invalid/golos-statya',
    filed: /^📁 В теме 📥 Входящие$/,
    findLink: '/find golos-statya',
    found: /^🔎 «golos-statya»: найдено 1\n• https:\/\/example\.invalid\/golos-statya — 📥 Входящие, /,
    move: '↪️ Перенести',
    undo: '↩️ Отменить',
    movePrompt: /^В какую тему перенести\?\n🎙 голосовое$/,
    newTopic: '➕ Новая тема',
    cancel: '✖️ Отмена',
    topicName: /^Как назвать новую тему\?/,
    topic: 'Голосовые',
    topicDone: '✅ Тема «Голосовые» готова, заметка в ней (карточка выше обновлена).',
    filedInTopic: /^📁 В теме Голосовые$/,
    topicsList:
      '🗂 Темы ваших заметок\n1. 📥 Входящие — 1\n2. Голосовые — 1\n\nНажмите на тему, чтобы переименовать её (тема в форуме переименуется тоже).',
    renameAsk: /^Новое название для «Голосовые»\?/,
    renamedTo: 'Голосовые заметки',
    renamed: '✅ Переименовано: «Голосовые» → «Голосовые заметки».',
  },
} as const;

describe.each(['en', 'ru'] as const)('%s: the first hour, polished', (language) => {
  const w = WORDS[language];

  it('welcomes with one example and /help (no command list); a city typed in the language is found', async () => {
    const neo = await t.sb.user(`neo_${language}`, { first_name: 'Neo', language_code: language });
    const chat = neo.privateChat();
    const welcome = await answerTo(chat, () => neo.send('/start'));
    expect(welcome.text).toMatch(w.welcome);
    expect(welcome.text).not.toContain('/tasks');
    const set = await answerTo(chat, () => neo.send(w.city));
    expect(set.text).toMatch(w.citySet);
  });

  it('a line with only a time and marks asks what it is, then makes the card with the answer', async () => {
    const { user, chat } = await registeredPerson(t, `Tio_${language}`, language, 'Europe/Berlin');
    const ask = await answerTo(chat, () => user.send(w.timeOnly));
    expect(ask.text).toMatch(w.askTitle);
    expect(ask.buttons()).toEqual([]);
    const card = await answerTo(chat, () => user.send(w.title));
    expect(card.text).toMatch(w.card);
  });

  it('a past time reads the same in both languages: a call is a reminder, an appointment a task, both offer the next day', async () => {
    const { user, chat } = await registeredPerson(t, `Past_${language}`, language, 'Europe/Berlin');
    const call = await answerTo(chat, () => user.send(w.pastCall));
    expect(call.text).toMatch(w.pastCallCard);
    expect(call.buttons()[0]).toMatch(w.moveNext);
    const visit = await answerTo(chat, () => user.send(w.pastVisit));
    expect(visit.text).toMatch(w.pastVisitCard);
    expect(visit.buttons()[0]).toMatch(w.moveNext);
  });

  it('/help tells of /connect, and of /broadcast to admins only', async () => {
    const { user, chat } = await registeredPerson(t, `Helper_${language}`, language, 'Europe/Berlin');
    const help = await answerTo(chat, () => user.send('/help'));
    expect(help.text).toMatch(w.connect);
    expect(help.text).not.toContain('/broadcast');
    await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
    const adminHelp = await answerTo(chat, () => user.send('/help'));
    expect(adminHelp.text).toContain(w.broadcast);
  });

  it('offline, /reset says what works without a model, /profile names the stage, "👍" after the paragraph gets a brief answer', async () => {
    const { user, chat } = await registeredPerson(t, `Resetter_${language}`, language, 'Europe/Berlin');
    expect((await answerTo(chat, () => user.send('/reset'))).text).toMatch(w.reset);
    // /profile names the journey's stage in the person's language, not by its id.
    expect((await answerTo(chat, () => user.send('/profile'))).text).toContain(w.stage);
    expect((await answerTo(chat, () => user.send('hmm'))).text).toMatch(w.paragraph);
    for (const line of ['👍', '👍']) {
      const answer = await answerTo(chat, () => user.send(line));
      expect(answer.text).toMatch(w.ack);
    }
  });

  it('/calendar on a loopback address says Google and Apple cannot reach it, and what to set', async () => {
    const { user, chat } = await registeredPerson(t, `Cal_${language}`, language, 'Europe/Berlin');
    const link = await answerTo(chat, () => user.send('/calendar'));
    expect(link.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\//);
    expect(link.text).toMatch(w.calendarHint);
  });

  it('/export sends JSON and CSV files with their own types and names', async () => {
    const { user, chat } = await registeredPerson(t, `Export_${language}`, language, 'Europe/Berlin');
    const json = await answerTo(chat, () => user.send('/export'));
    const csv = await chat.nextMessage(fromBot(json.id));
    const file = (m: SandboxMessage) => {
      const doc = (m.data as { document?: { mime_type?: string; file_name?: string } }).document;
      return { mime: doc?.mime_type, name: doc?.file_name?.replace(/\d{4}-\d{2}-\d{2}/, 'DATE') };
    };
    expect(file(json)).toEqual({ mime: 'application/json', name: 'secretary-export-DATE.json' });
    expect(file(csv)).toEqual({ mime: 'text/csv', name: 'secretary-tasks-DATE.csv' });
  });

  it('a button of an older card says it is out of date, and that card loses its buttons', async () => {
    const { user, chat } = await registeredPerson(t, `Stale_${language}`, language, 'Europe/Berlin');
    const first = await answerTo(chat, () => user.send('/menu'));
    expect(first.text).toMatch(w.menu);
    await answerTo(chat, () => user.send('/menu'));
    const pressed = await first.click(w.settings);
    expect(pressed.answer?.text).toBe(w.stale);
    const bare = await chat.waitForEdit(first, (m) => m.buttons().length === 0);
    expect(bare.text).toMatch(w.menu);
  });

  it('writing inside a topic of the connected forum files the note into that topic and says so there', async () => {
    const { user, chat } = await registeredPerson(t, `Forum_${language}`, language, 'Europe/Berlin');
    const forum = await t.sb.group({
      title: `Notes ${language}`,
      members: [user],
      forum: true,
      botIsAdmin: true,
    });
    await user.send('/connect', { chat: forum.id });
    await forum.nextMessage(w.connected);
    const topic = await forum.createTopic(w.forumTopic, user);
    const sent = await user.send(w.forumLine, { chat: forum.id, threadId: topic.message_thread_id });
    const answer = await forum.nextMessage(fromBot(sent.id), { threadId: topic.message_thread_id });
    expect(answer.text).toBe(w.threadFiled);
    const found = await answerTo(chat, () => user.send(w.findForum));
    expect(found.text).toMatch(w.foundForum);
  });

  it('notes read in the language: /find quotes and Inbox, a voice note is "🎙 voice", Move has Cancel, a new topic answers', async () => {
    const { user, chat } = await registeredPerson(t, `Finder_${language}`, language, 'Europe/Berlin');
    expect((await answerTo(chat, () => user.send(w.findQuery))).text).toBe(w.findNone);
    const link = await user.send(w.link);
    await chat.nextMessage((m) => fromBot(link.id)(m) && w.filed.test(m.text));
    const found = await answerTo(chat, () => user.send(w.findLink));
    expect(found.text).toMatch(w.found);

    const voice = await user.sendVoice(new Uint8Array(64).fill(7), { duration: 3 });
    const card = await chat.nextMessage((m) => fromBot(voice.id)(m) && w.filed.test(m.text));
    // /stats names the Inbox in the person's language too.
    expect((await answerTo(chat, () => user.send('/stats'))).text).toContain(w.statsNotes);
    const picker = await card.click(w.move);
    const chooser = await chat.waitForEdit(card, w.movePrompt);
    expect(chooser.buttons()).toEqual([w.newTopic, w.cancel]);
    await chooser.click(w.cancel);
    const back = await chat.waitForEdit(card, w.filed);
    expect(back.buttons()).toEqual([w.move, w.undo]);
    expect(picker).toBeDefined();

    await back.click(w.move);
    const again = await chat.waitForEdit(card, w.movePrompt);
    await again.click(w.newTopic);
    await chat.nextMessage(w.topicName);
    const done = await answerTo(chat, () => user.send(w.topic));
    expect(done.text).toBe(w.topicDone);
    await chat.waitForEdit(card, w.filedInTopic);

    // /topics lists them with their notes and renames one.
    const topics = await answerTo(chat, () => user.send('/topics'));
    expect(topics.text).toBe(w.topicsList);
    expect(topics.buttons()).toEqual([`✏️ ${w.topic}`]);
    await topics.click(`✏️ ${w.topic}`);
    await chat.nextMessage(w.renameAsk);
    const renamed = await answerTo(chat, () => user.send(w.renamedTo));
    expect(renamed.text).toBe(w.renamed);
    expect((await answerTo(chat, () => user.send('/topics'))).text).toContain(`2. ${w.renamedTo} — 1`);
  });
});
