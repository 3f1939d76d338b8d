// Issue 31 and #37 item 15 through the sandbox, in each language: the owner sets the salon up with
// forgiving inputs (a city for the zone, "Mon-Fri 9-18"), edits a service's price and duration and a
// specialist, sets the currency, ticks who offers what where, books a walk-in and a Telegram client,
// cancels (after "Sure?") and moves a booking from its staff card, and archives a booked service.
import { afterAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxMessage } from '../../../sandbox/client.ts';
import { person, startClockedSystem } from '../../reminders/tests/e2e-support.ts';

const WORDS = {
  en: {
    menu: /Business admin/,
    location: '➕ Location',
    service: '➕ Service',
    specialist: '➕ Specialist',
    hours: '🕘 Working hours',
    bookAtOnce: 'No, book at once',
    city: 'London',
    hoursTyped: 'Mon-Fri 9-18',
    hoursSaved: /^🕘 Working hours saved: Mon–Fri 09:00–18:00\.$/,
    badHours: /Examples: “Mon-Fri 9-18”/,
    setup: '✏️ Setup',
    currency: '💱 Currency',
    currencyTyped: 'eur',
    currencySaved: /^💱 Prices are in EUR now, e\.g\. €1,500\.00\.$/,
    services: '💇 Services',
    specialists: '👤 Specialists',
    price: 'Price',
    priceTyped: '25,50',
    priceShown: /Price: €25\.50/,
    duration: 'Duration',
    badDuration: /e\.g\. 45, 1h or 1h 30/,
    durationTyped: '1h 30',
    durationShown: /Duration: 90 min/,
    name: 'Name',
    assign: '🧩 Services & places',
    done: 'Done',
    offersNone: /Offers: nothing yet/,
    offers: /Offers: Haircut @ Soho/,
    bookFor: '📝 Book for a client',
    badClient: /I could not tell who that is/,
    anyone: 'Anyone free',
    booked:
      /^✅ Booked\.\n📅 Mon 1 Mar, 09:00 — Haircut\nClient: Walker Inn\nWith Samuel \(Soho\) · confirmed$/,
    cancel: '❌ Cancel',
    sure: /Cancel this booking\? The client will be told\.$/,
    yesCancel: 'Yes, cancel it',
    cancelled: /Client: Walker Inn\nWith Samuel \(Soho\) · cancelled$/,
    carolBooked: /Client: Carol\n/,
    carolTold: /Haircut/,
    reschedule: '🔁 Reschedule',
    pickDay: /Pick a day/,
    confirm: '✅ Confirm',
    moved: /🔁/,
    remove: '🗑 Remove',
    yesRemove: 'Yes, remove',
    archived: /^📦 “Haircut” archived: clients can no longer book it; its booking ahead stays as they are\.$/,
    nothing: /Nothing to book yet/,
    approvalYes: 'Yes, I confirm each',
    haircut: 'Haircut · 60 min',
    pending: '⏳ Pending',
    today: '📅 Today',
    waiting: /· awaiting confirmation$/,
    confirmed: /· confirmed$/,
    decline: '🚫 Decline',
    declined: /· cancelled$/,
    noShow: '🚫 No-show',
    missed: /· no-show\nno-shows: 1$/,
  },
  ru: {
    menu: /Управление/,
    location: '➕ Филиал',
    service: '➕ Услуга',
    specialist: '➕ Специалист',
    hours: '🕘 Часы работы',
    bookAtOnce: 'Нет, записывать сразу',
    city: 'Лондон',
    hoursTyped: 'пн-пт 9-18',
    hoursSaved: /^🕘 Часы работы сохранены: пн–пт 09:00–18:00\.$/,
    badHours: /Примеры: «пн-пт 9-18»/,
    setup: '✏️ Настройка',
    currency: '💱 Валюта',
    currencyTyped: 'евро',
    currencySaved: /^💱 Цены теперь в EUR, например 1\s500,00\s€\.$/,
    services: '💇 Услуги',
    specialists: '👤 Специалисты',
    price: 'Цена',
    priceTyped: '25,50',
    priceShown: /Цена: 25,50\s€/,
    duration: 'Длительность',
    badDuration: /например 45, 1ч или 1ч 30/,
    durationTyped: '1ч 30',
    durationShown: /Длительность: 90 мин/,
    name: 'Название',
    assign: '🧩 Услуги и филиалы',
    done: 'Готово',
    offersNone: /Оказывает: пока ничего/,
    offers: /Оказывает: Haircut @ Soho/,
    bookFor: '📝 Записать клиента',
    badClient: /Не понял, кто это/,
    anyone: 'Любой свободный',
    booked:
      /^✅ Записано\.\n📅 пн, 1 мар\.?, 09:00 — Haircut\nКлиент: Walker Inn\nСпециалист Samuel \(Soho\) · подтверждена$/,
    cancel: '❌ Отменить',
    sure: /Отменить эту запись\? Клиенту придёт сообщение\.$/,
    yesCancel: 'Да, отменить',
    cancelled: /Клиент: Walker Inn\nСпециалист Samuel \(Soho\) · отменена$/,
    carolBooked: /Клиент: Carol\n/,
    carolTold: /Haircut/,
    reschedule: '🔁 Перенести',
    pickDay: /Выберите день/,
    confirm: '✅ Подтвердить',
    moved: /🔁/,
    remove: '🗑 Удалить',
    yesRemove: 'Да, удалить',
    archived: /^📦 «Haircut» в архиве: записаться больше нельзя; предстоящая запись остаётся как есть\.$/,
    nothing: /Пока не на что записаться/,
    approvalYes: 'Да, подтверждаю каждую',
    haircut: 'Haircut · 60 мин',
    pending: '⏳ Ждут решения',
    today: '📅 Сегодня',
    waiting: /· ждёт подтверждения$/,
    confirmed: /· подтверждена$/,
    decline: '🚫 Отклонить',
    declined: /· отменена$/,
    noShow: '🚫 Не пришёл',
    missed: /· неявка\nнеявок: 1$/,
  },
} as const;

let t: TestSystem | undefined;
afterAll(() => t?.close());

describe.each(['en', 'ru'] as const)('%s: the salon run from /admin', (lang) => {
  const w = WORDS[lang];

  it('sets up with forgiving inputs, edits, assigns, books for clients, cancels, moves and archives', async () => {
    await t?.close();
    // Monday 1 March 2027, 05:00 in London.
    ({ t } = await startClockedSystem('2027-03-01T05:00:00Z'));
    const admin = await person(t, 'Ada', lang, 'Europe/London');
    const sam = await person(t, 'Sam', lang, 'Europe/London');
    const carol = await person(t, 'Carol', lang, 'Europe/London');
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'cli' });
    const chat = admin.chat;
    const openAdmin = async () => {
      await admin.user.send('/admin');
      return chat.nextMessage(w.menu);
    };
    const reply = async (text: string, expected: RegExp | ((m: SandboxMessage) => boolean)) => {
      await admin.user.send(text);
      return chat.nextMessage(expected);
    };
    const tap = async (
      m: SandboxMessage,
      label: string,
      expected: RegExp | ((m: SandboxMessage) => boolean),
    ) => {
      await m.click(label);
      return chat.waitForEdit(m, expected);
    };
    const has = (label: string) => (m: SandboxMessage) => m.buttons().includes(label);

    // A location by its city, a service, a specialist, hours as people write them.
    let menu = await openAdmin();
    await menu.click(w.location);
    await chat.nextMessage(/\?/);
    await admin.user.send('Soho');
    await chat.nextMessage(/London|Лондон/);
    expect((await reply(w.city, /📍/)).text).toContain('Europe/London');
    await menu.click(w.service);
    await chat.nextMessage(/\?/);
    await admin.user.send('Haircut');
    await chat.nextMessage(/\?/);
    await admin.user.send('60');
    const approval = await chat.nextMessage(has(w.bookAtOnce));
    await approval.click(w.bookAtOnce);
    await chat.waitForEdit(approval, /💇/);
    await menu.click(w.specialist);
    await chat.nextMessage(/Telegram id/);
    await admin.user.send(String(sam.user.id));
    await chat.nextMessage(/\?/);
    await reply('Sam', /👤/);
    await menu.click(w.hours);
    const whose = await chat.nextMessage(has('Sam'));
    await whose.click('Sam');
    await chat.nextMessage(/Mon-Fri|пн-пт/);
    await reply('whenever', w.badHours);
    await reply(w.hoursTyped, w.hoursSaved);

    // The currency, then the service's price and duration (a bad duration first).
    menu = await openAdmin();
    let screen = await tap(menu, w.setup, has(w.currency));
    await screen.click(w.currency);
    await chat.nextMessage(/EUR/);
    await reply('doubloons', /EUR/);
    await reply(w.currencyTyped, w.currencySaved);
    screen = await tap(screen, w.services, has('Haircut'));
    let card = await tap(screen, 'Haircut', has(w.price));
    await card.click(w.price);
    await chat.nextMessage(/Haircut/);
    card = await reply(w.priceTyped, w.priceShown);
    await card.click(w.duration);
    await chat.nextMessage(/Haircut/);
    await reply('long', w.badDuration);
    card = await reply(w.durationTyped, w.durationShown);
    expect(card.text).toMatch(w.priceShown);

    // Durations back to an hour (the booked texts below), the specialist renamed and reassigned.
    await card.click(w.duration);
    await chat.nextMessage(/Haircut/);
    await reply('60', /60/);
    menu = await openAdmin();
    screen = await tap(menu, w.setup, has(w.specialists));
    screen = await tap(screen, w.specialists, has('Sam'));
    card = await tap(screen, 'Sam', w.offers);
    await card.click(w.name);
    await chat.nextMessage(/Sam/);
    card = await reply('Samuel', /👤 Samuel/);
    let boxes = await tap(card, w.assign, has('✅ Haircut'));
    boxes = await tap(boxes, '✅ Haircut', has('⬜ Haircut'));
    card = await tap(boxes, w.done, w.offersNone);
    boxes = await tap(card, w.assign, has('⬜ Haircut'));
    boxes = await tap(boxes, '⬜ Haircut', has('✅ Haircut'));
    await tap(boxes, w.done, w.offers);

    // A walk-in by name and phone: service → anyone → day → time; then cancelled after "Sure?".
    menu = await openAdmin();
    await menu.click(w.bookFor);
    await chat.nextMessage(/\+44|\+7/);
    await reply('call me', w.badClient);
    let pick = await reply('Walker Inn, +44 20 7946 0958', has('Haircut'));
    pick = await tap(pick, 'Haircut', has(w.anyone));
    pick = await tap(pick, w.anyone, (m) => m.buttons().length > 0 && !m.buttons().includes(w.anyone));
    pick = await tap(pick, pick.buttons()[0] as string, has('09:00'));
    const walkIn = await tap(pick, '09:00', w.booked);
    const sure = await tap(walkIn, w.cancel, w.sure);
    const cancelled = await tap(sure, w.yesCancel, w.cancelled);
    expect(cancelled.buttons()).toEqual([]);

    // A client choosing a service sees its price in the business currency, in her language's format.
    await carol.user.send('/book');
    const services = await carol.chat.nextMessage((m) => m.buttons().some((l) => l.startsWith('Haircut')));
    expect(services.buttons()).toContainEqual(
      expect.stringMatching(/^Haircut · 60 (min|мин) · (€25\.50|25,50\s€)$/),
    );
    await carol.user.send('/cancel');

    // Carol by her Telegram id; she hears of it; the admin moves it from the card.
    menu = await openAdmin();
    await menu.click(w.bookFor);
    await chat.nextMessage(/\+44|\+7/);
    pick = await reply(String(carol.user.id), has('Haircut'));
    pick = await tap(pick, 'Haircut', has(w.anyone));
    pick = await tap(pick, w.anyone, (m) => m.buttons().length > 0 && !m.buttons().includes(w.anyone));
    pick = await tap(pick, pick.buttons()[0] as string, has('10:00'));
    const booked = await tap(pick, '10:00', w.carolBooked);
    await carol.chat.nextMessage(w.carolTold);
    let move = await tap(booked, w.reschedule, w.pickDay);
    move = await tap(move, '2', has('11:00'));
    move = await tap(move, '11:00', has(w.confirm));
    await move.click(w.confirm);
    await chat.waitForEdit(move, w.moved);

    // The booked service removed: archived, Carol's booking kept, nobody can book it any more.
    menu = await openAdmin();
    screen = await tap(menu, w.setup, has(w.services));
    screen = await tap(screen, w.services, has('Haircut'));
    card = await tap(screen, 'Haircut', has(w.remove));
    const ask = await tap(card, w.remove, has(w.yesRemove));
    await tap(ask, w.yesRemove, w.archived);
    await carol.user.send('/book');
    await carol.chat.nextMessage(w.nothing);
  }, 240_000);

  it('staff cards: confirm or decline what waits, and mark a no-show once the visit has begun', async () => {
    await t?.close();
    let clock: Awaited<ReturnType<typeof startClockedSystem>>['clock'];
    // Monday 1 March 2027, 05:00 in London.
    ({ t, clock } = await startClockedSystem('2027-03-01T05:00:00Z'));
    const admin = await person(t, 'Ada', lang, 'Europe/London');
    const sam = await person(t, 'Sam', lang, 'Europe/London');
    const carol = await person(t, 'Carol', lang, 'Europe/London');
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'cli' });
    const chat = admin.chat;
    const has = (label: string) => (m: SandboxMessage) => m.buttons().includes(label);
    const answer = async (menu: SandboxMessage, label: string, ...replies: string[]) => {
      await menu.click(label);
      for (const text of replies) {
        await chat.nextMessage(/\?/);
        await admin.user.send(text);
      }
    };
    await admin.user.send('/admin');
    const menu = await chat.nextMessage(w.menu);
    await answer(menu, w.location, 'Soho', 'Europe/London');
    await chat.nextMessage(/📍/);
    await answer(menu, w.service, 'Haircut', '60');
    const approval = await chat.nextMessage(has(w.approvalYes));
    await approval.click(w.approvalYes);
    await chat.waitForEdit(approval, /💇/);
    await answer(menu, w.specialist, String(sam.user.id), 'Sam');
    await chat.nextMessage(/👤/);
    await menu.click(w.hours);
    const whose = await chat.nextMessage(has('Sam'));
    await whose.click('Sam');
    await chat.nextMessage(/Mon-Fri|пн-пт/);
    await admin.user.send(w.hoursTyped);
    await chat.nextMessage(w.hoursSaved);

    // Carol asks for 09:00 and 11:00 today; both wait for the owner.
    for (const time of ['09:00', '11:00']) {
      await carol.user.send('/book');
      let m = await carol.chat.nextMessage(has(w.haircut));
      await m.click(w.haircut);
      m = await carol.chat.waitForEdit(m, (x) => x.buttons().includes('Sam'));
      await m.click('Sam');
      m = await carol.chat.waitForEdit(m, w.pickDay);
      await m.click('1');
      m = await carol.chat.waitForEdit(m, has(time));
      await m.click(time);
      m = await carol.chat.waitForEdit(m, has(w.confirm));
      await m.click(w.confirm);
      await carol.chat.waitForEdit(m, (x) => x.buttons().length === 0 || !x.buttons().includes(w.confirm));
    }
    const pendingMenu = await (async () => {
      await admin.user.send('/admin');
      return chat.nextMessage(w.menu);
    })();
    await pendingMenu.click(w.pending);
    const first = await chat.nextMessage((m) => w.waiting.test(m.text) && m.text.includes('09:00'));
    const second = await chat.nextMessage((m) => w.waiting.test(m.text) && m.text.includes('11:00'));
    await first.click(w.confirm);
    const confirmed = await chat.waitForEdit(first, w.confirmed);
    expect(confirmed.buttons()).toContain(w.cancel);
    await second.click(w.decline);
    const declined = await chat.waitForEdit(second, w.declined);
    expect(declined.buttons()).toEqual([]);

    // 09:30: the visit has begun; the owner marks that Carol did not come.
    await clock.setTime(new Date('2027-03-01T09:30:00Z'));
    await admin.user.send('/admin');
    const todayMenu = await chat.nextMessage(w.menu);
    await todayMenu.click(w.today);
    const now = await chat.nextMessage((m) => m.buttons().includes(w.noShow));
    expect(now.buttons()).not.toContain(w.cancel);
    await now.click(w.noShow);
    await chat.waitForEdit(now, w.missed);
  }, 240_000);
});
