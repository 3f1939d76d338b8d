import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../../../test/support/settled.ts';
import { startTestSystem, type TestSystem } from '../../../test/support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
  await t.sb.limits(false);
});
afterAll(() => t.close());

describe('registration', () => {
  it('en: /start greets, guesses a timezone, and takes a city name', async () => {
    const alice = await t.sb.user('alice', { first_name: 'Alice', language_code: 'en' });
    const chat = alice.privateChat();
    await alice.send('/start');
    const welcome = await chat.nextMessage(/Hi, Alice!/);
    expect(welcome.text).toContain('UTC');
    expect(welcome.data.reply_markup).toMatchObject({
      keyboard: [[{ text: '📍 Share location', request_location: true }], [{ text: 'Keep UTC' }]],
    });
    await alice.send('Berlin');
    expect((await chat.nextMessage(/Timezone set/)).text).toMatch(
      /Europe\/Berlin \(UTC\+0[12]:00\), local time \d\d:\d\d/,
    );
    await chat.nextMessage(/All set/);
    await alice.send('/start');
    await chat.nextMessage(/Welcome back, Alice/);
    await chat.nextMessage(/Main menu/);
  });

  it('ru: /start by a Russian speaker, city in Russian, then a wrong city is asked again', async () => {
    const boris = await t.sb.user('boris', { first_name: 'Борис', language_code: 'ru' });
    const chat = boris.privateChat();
    await boris.send('/start');
    const welcome = await chat.nextMessage(/Привет, Борис!/);
    expect(welcome.text).toContain('Europe/Moscow');
    await boris.send('Гдетотамск');
    await chat.nextMessage(/Не нашёл «Гдетотамск»/);
    await boris.send('Новосибирск');
    expect((await chat.nextMessage(/Часовой пояс/)).text).toContain('Asia/Novosibirsk');
    await chat.nextMessage(/Готово/);
  });

  it('an offset reads as UTC+07:00 with the local time, never as Etc/GMT-7', async () => {
    const erin = await t.sb.user('erin', { first_name: 'Erin', language_code: 'en' });
    const chat = erin.privateChat();
    await erin.send('/start');
    await chat.nextMessage(/Hi, Erin/);
    await erin.send('UTC+7');
    const set = await chat.nextMessage(/Timezone set/);
    expect(set.text).toMatch(/^Timezone set: UTC\+07:00, local time \d\d:\d\d\.$/);
    expect(set.text).not.toContain('Etc/');
  });

  it('takes the timezone from a shared location', async () => {
    const carol = await t.sb.user('carol', { first_name: 'Carol', language_code: 'en' });
    const chat = carol.privateChat();
    await carol.send('/start');
    await chat.nextMessage(/Hi, Carol/);
    await carol.sendLocation(40.71, -74.0);
    expect((await chat.nextMessage(/Timezone set/)).text).toContain('America/New_York');
  });
});

describe('settings and the live menu', () => {
  it('navigates by editing one message, switches language, toggles notifications', async () => {
    const dan = await t.sb.user('dan', { first_name: 'Dan', language_code: 'en' });
    const chat = dan.privateChat();
    await dan.send('/settings');
    const menu = await chat.nextMessage(/Settings/);
    expect(menu.text).toContain('Notifications: on');
    await menu.click('🔔 Notifications: on');
    const toggled = await chat.waitForEdit(menu, (m) => /Notifications: off/.test(m.text ?? ''));
    expect(toggled.id).toBe(menu.id);
    await toggled.click('🌐 Language');
    const languages = await chat.waitForEdit(menu, (m) => /Choose your language/.test(m.text ?? ''));
    await languages.click('Русский');
    const russian = await chat.waitForEdit(menu, (m) => /Настройки/.test(m.text ?? ''));
    expect(russian.text).toContain('Язык: Русский');
    expect(russian.text).toContain('Уведомления: выкл');
    await dan.send('/help');
    await chat.nextMessage(/Что я умею/);
  });

  it('answers a button of an older menu as out of date and changes nothing', async () => {
    const erin = await t.sb.user('erin', { first_name: 'Erin', language_code: 'en' });
    const chat = erin.privateChat();
    await erin.send('/menu');
    const first = await chat.nextMessage(/Main menu/);
    await erin.send('/menu');
    await chat.nextMessage(/Main menu/);
    const answer = await first.click('⚙️ Settings');
    expect(answer.answer?.text).toBe('This button is out of date.');
    await chat.expectNoMessage(500);
  });

  it('two-step quiet hours flow, /cancel in the middle, unknown command', async () => {
    const fay = await t.sb.user('fay', { first_name: 'Fay', language_code: 'en' });
    const chat = fay.privateChat();
    await fay.send('/settings');
    const menu = await chat.nextMessage(/Settings/);
    await menu.click('🌙 Quiet hours');
    await chat.nextMessage(/From what time/);
    await fay.send('/cancel');
    await chat.nextMessage(/^Cancelled\.$/);
    await fay.send('hello there');
    await chat.nextMessage(/can't hold a free conversation|not sure what to do with this/); // not taken as a flow step any more
    await fay.send('/nonsense');
    await chat.nextMessage(/I don't know that command/);
  });
});

describe('errors', () => {
  it('a failing handler answers one friendly localized line with the trace id', async () => {
    const ian = await t.sb.user('ian', { first_name: 'Ян', language_code: 'ru' });
    const chat = ian.privateChat();
    await ian.send('/settings');
    const menu = await chat.nextMessage(/Настройки/);
    await t.sb.faults.add({
      method: 'editMessageText',
      status: 400,
      count: 1,
      description: 'Bad Request: injected',
    });
    await menu.click('🔔 Уведомления: вкл');
    const error = await chat.nextMessage(/у меня что-то сломалось/);
    expect(error.text).toMatch(/\(trace [0-9a-f]{16}\)$/);
    await t.sb.faults.clear();
  });
});

describe('durability and limits', () => {
  it('a flow survives a restart of the whole system in the middle', async () => {
    const gus = await t.sb.user('gus', { first_name: 'Gus', language_code: 'ru' });
    const chat = gus.privateChat();
    await gus.send('/settings');
    const menu = await chat.nextMessage(/Настройки/);
    await menu.click('🌙 Тихие часы');
    await chat.nextMessage(/С какого времени/);
    await gus.send('23');
    await chat.nextMessage(/До какого времени/);
    await t.restart();
    await t.sb.limits(false); // the restarted sandbox starts with Telegram's limits on again
    await gus.send('7:30');
    expect((await chat.nextMessage(/Тихие часы:/)).text).toBe(
      'Тихие часы: 23:00–07:30. Несрочные сообщения в это время подождут до 07:30.',
    );
  });

  it('warns a flooding user once, then ignores them for a while', async () => {
    const hal = await t.sb.user('hal', { first_name: 'Hal', language_code: 'en' });
    const chat = hal.privateChat();
    for (let i = 0; i < 24; i++) await hal.send(`spam ${i}`);
    await chat.nextMessage(/sending messages very fast/, { timeoutMs: 15_000 });
    await settled(t.testDb.database.raw); // every one of the 24 handled (answered or ignored)
    const all = (await chat.messages()).filter((m) => m.fromBot);
    expect(all.filter((m) => /very fast/.test(m.text))).toHaveLength(1);
    // Each of the first 20 gets its one answer (conversation, offline); the rest are ignored.
    expect(all.filter((m) => !/very fast/.test(m.text))).toHaveLength(20);
  });
});
