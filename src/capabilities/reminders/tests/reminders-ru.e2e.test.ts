import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage, SandboxUser } from '../../../sandbox/client.ts';
import { expectSilence, jumpTo, lastId, person, startClockedSystem, waitMessage } from './e2e-support.ts';

// Monday 1 March 2027, 08:00 in Moscow (UTC+3 all year).
// (2027 because the test clock must not run behind the real one: see e2e-support.ts.)
let t: TestSystem;
let clock: TestClock;
let boris: { user: SandboxUser; chat: SandboxChat; userId: string };
beforeAll(async () => {
  ({ t, clock } = await startClockedSystem('2027-03-01T05:00:00Z'));
  boris = await person(t, 'boris', 'ru', 'Europe/Moscow');
});
afterAll(() => t.close());

describe('ru: напоминания', () => {
  it('/remind без текста спрашивает «что» и «когда»; непонятное время переспрашивает', async () => {
    await boris.user.send('/remind');
    await boris.chat.nextMessage(/О чём напомнить/);
    await boris.user.send('позвонить маме');
    await boris.chat.nextMessage(/Когда\?/);
    await boris.user.send('как-нибудь');
    await boris.chat.nextMessage(/Не нашёл здесь времени/);
    await boris.user.send('завтра в 9');
    expect((await boris.chat.nextMessage(/Напоминание поставлено/)).text).toBe(
      '⏰ Напоминание поставлено: «позвонить маме»\nБлижайшее: вт 2 мар., 09:00',
    );
    await boris.user.send('/remind каждый день в 9:00 пить воду');
    expect((await boris.chat.nextMessage(/Напоминание поставлено/)).text).toBe(
      '⏰ Напоминание поставлено: «Пить воду»\nПовтор: каждый день в 09:00\nБлижайшее: пн 1 мар., 09:00',
    );
  });

  let water: SandboxMessage;
  it('ежедневное срабатывает дважды; «Завтра в 9:00» переносит только это напоминание', async () => {
    const since = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-01T06:00:00Z');
    const first = await waitMessage(clock, boris.chat, /^⏰ Пить воду$/, since);
    expect(first.buttons()).toEqual(['✅ Готово', '⏭ Пропустить', '💤 15 мин', '💤 1 ч', '🌅 Завтра в 9:00']);
    await first.click('✅ Готово');
    expect((await boris.chat.waitForEdit(first, /Готово$/)).text).toBe('⏰ Пить воду\n\n✅ Готово');

    const day2 = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-02T06:00:00Z');
    const mom = await waitMessage(clock, boris.chat, /позвонить маме/, day2);
    water = await waitMessage(clock, boris.chat, /^⏰ Пить воду$/, day2);
    await water.click('🌅 Завтра в 9:00');
    expect((await boris.chat.waitForEdit(water, /Отложено/)).text).toBe(
      '⏰ Пить воду\n\n💤 Отложено до ср 3 мар., 09:00',
    );
    await mom.click('💤 1 ч');
    await boris.chat.waitForEdit(mom, /Отложено до вт 2 мар\., 10:00/);

    const later = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-02T07:00:00Z');
    const momAgain = await waitMessage(clock, boris.chat, /позвонить маме/, later);
    expect(momAgain.text).toBe('⏰ позвонить маме\n(было на вт 2 мар., 09:00)');
    await momAgain.click('⏭ Пропустить');
    await boris.chat.waitForEdit(momAgain, /Пропущено$/);
  });

  it('на следующий день приходят и отложенное, и очередное — по одному разу', async () => {
    const since = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-03T06:00:00Z');
    await waitMessage(clock, boris.chat, /было на вт 2 мар\., 09:00/, since);
    await waitMessage(clock, boris.chat, /^⏰ Пить воду$/, since);
    await expectSilence(clock, boris.chat, await lastId(boris.chat), 8);
    const today = (await boris.chat.messages()).filter((m) => m.id > since && /Пить воду/.test(m.text));
    expect(today).toHaveLength(2);
    // The one-off was skipped; nothing more comes from it.
    expect((await boris.chat.messages()).filter((m) => m.id > since && /маме/.test(m.text))).toHaveLength(0);
  });

  it('/reminders: карточка — пауза, удаление с подтверждением — всё в одном сообщении', async () => {
    await boris.user.send('/reminders');
    const list = await boris.chat.nextMessage(/Ваши напоминания/);
    expect(list.text.split('\n').slice(0, 2)).toEqual([
      '⏰ Ваши напоминания (1), ближайшие сверху:',
      '1. Пить воду — каждый день в 09:00 (чт 4 мар., 09:00)',
    ]);
    expect(list.buttons()).toEqual(['1. Пить воду']);
    await list.click('1. Пить воду');
    const card = await boris.chat.waitForEdit(list, /^⏰ «Пить воду»/);
    await card.click('⏸ Пауза');
    const paused = await boris.chat.waitForEdit(list, /На паузе/);
    expect(paused.buttons()).toContain('▶️ Включить');
    const since = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-04T06:00:00Z');
    await expectSilence(clock, boris.chat, since, 8);
    await paused.click('🗑 Удалить');
    const confirm = await boris.chat.waitForEdit(list, /Удалить напоминание «Пить воду»\?/);
    await confirm.click('🗑 Да, удалить');
    expect((await boris.chat.waitForEdit(list, /Напоминаний нет/)).buttons()).toEqual([]);
  });

  it('/digest 8:00: одна сводка утром; пустой день — без сообщения', async () => {
    await boris.user.send('/digest 8:00');
    await boris.chat.nextMessage(/Утренняя сводка: каждый день в 08:00/);
    const since = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-05T05:00:00Z'); // nothing planned on Friday
    await expectSilence(clock, boris.chat, since, 8);
    await boris.user.send('/remind завтра в 12:30 забрать посылку');
    await boris.chat.nextMessage(/Забрать посылку/);
    const before = await lastId(boris.chat);
    await jumpTo(clock, '2027-03-06T05:00:00Z');
    const digest = await waitMessage(clock, boris.chat, /Доброе утро/, before);
    expect(digest.text).toBe(
      '☀️ Доброе утро! Ваш день, суббота 6 марта\n\nНапоминания (1):\n• 12:30 Забрать посылку',
    );
    await expectSilence(clock, boris.chat, digest.id, 8);
  });
});
