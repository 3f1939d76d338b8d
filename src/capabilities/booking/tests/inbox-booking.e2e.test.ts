import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { lastId } from '../../../../test/support/clock-waits.ts';
import { CAPABILITY_MODULES } from '../../../app/capabilities.ts';

// Issue 31: a booking typed to the smart inbox becomes a card with the matching service and the
// first free times from the time asked; a tap books it. With no business set up, the same line is
// someone's to-do; a request naming no service we offer is told which ones we do.
const TEXTS = {
  en: {
    haircut: 'Haircut',
    manicure: 'Manicure',
    ann: 'Ann',
    line: 'book a haircut Friday after 5pm',
    taskCard: /^📝 Task: Book a haircut/,
    offer:
      /^📅 Haircut \(Soho\), anyone available: the first free times from Fri 6 Mar, 17:00\. Tap one to book it\.$/,
    first: 'Fri 6 Mar, 17:00',
    booked: /^✅ You are booked: Haircut with (Sam|Ann), Fri 6 Mar, 17:00 \(Soho\)\.$/,
    named: 'book a manicure with Ann on Friday at 10am',
    namedOffer:
      /^📅 Manicure \(Soho\), Ann: the first free times from Fri 6 Mar, 10:00\. Tap one to book it\.$/,
    namedFirst: 'Fri 6 Mar, 10:00',
    namedBooked: /^✅ You are booked: Manicure with Ann, Fri 6 Mar, 10:00 \(Soho\)\.$/,
    unknown: 'I want to book an appointment for a massage',
    which: /^📅 Which service would you like\? We offer: Haircut, Manicure\. Tap one to see the free days\.$/,
    notOurs: 'book flights to Rome on Friday',
  },
  ru: {
    haircut: 'Стрижка',
    manicure: 'Маникюр',
    ann: 'Анна',
    line: 'запиши меня на стрижку в пятницу после 17',
    taskCard: /^📝 Задача: Запиши меня на стрижку/,
    offer:
      /^📅 Стрижка \(Soho\), любой свободный специалист: ближайшее свободное время с пт, 6 мар\., 17:00\. Нажмите на время, чтобы записаться\.$/,
    first: 'пт, 6 мар., 17:00',
    booked: /^✅ Вы записаны: Стрижка, специалист (Sam|Анна), пт, 6 мар\., 17:00 \(Soho\)\.$/,
    named: 'запиши меня на маникюр к Анне в пятницу в 10',
    namedOffer:
      /^📅 Маникюр \(Soho\), Анна: ближайшее свободное время с пт, 6 мар\., 10:00\. Нажмите на время, чтобы записаться\.$/,
    namedFirst: 'пт, 6 мар., 10:00',
    namedBooked: /^✅ Вы записаны: Маникюр, специалист Анна, пт, 6 мар\., 10:00 \(Soho\)\.$/,
    unknown: 'запиши меня на массаж',
    which: /^📅 На какую услугу записать\? Есть: Стрижка, Маникюр\. Нажмите, чтобы увидеть свободные дни\.$/,
    notOurs: 'забронировать билеты в Рим в пятницу',
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: a booking typed to the smart inbox', (lang) => {
  it('becomes the first free times of the matching service; a tap books it', async () => {
    const x = TEXTS[lang];
    // Monday 2 March 2037, 08:00 UTC (09:00 in Berlin, the salon's and everyone's zone).
    const h = await startCapabilityHarness(CAPABILITY_MODULES, { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const sam = await h.person('Sam', { language: lang });
    const ann = await h.person('Ann', { language: lang });
    const carol = await h.person('Carol', { language: lang });
    const say = async (text: string) => {
      const since = await lastId(carol.chat);
      await carol.user.send(text);
      return carol.chat.nextMessage((m) => m.fromBot && m.id > since);
    };

    // --- no business yet: /book says so and leaves nothing half-open; the line is a to-do like any other
    expect((await say('/book')).text).toMatch(/Nothing to book yet|Пока не на что записаться/);
    expect((await say(x.line)).text).toMatch(x.taskCard);

    const api = (method: string, path: string, body?: unknown) =>
      h.call(admin.auth, method, `/api/v1/booking${path}`, body);
    const location = await api('POST', '/locations', { name: 'Soho', timezone: 'Europe/Berlin' });
    const haircut = await api('POST', '/services', { name: x.haircut, duration_minutes: 60 });
    const manicure = await api('POST', '/services', { name: x.manicure, duration_minutes: 30 });
    for (const [person, name] of [
      [sam, 'Sam'],
      [ann, x.ann],
    ] as const) {
      const specialist = await api('POST', '/specialists', {
        telegram_id: person.user.id,
        name,
        service_ids: [haircut.id, manicure.id],
        location_ids: [location.id],
      });
      await api('PUT', `/specialists/${specialist.id}/hours`, {
        location_id: location.id,
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '20:00' })),
      });
    }

    // --- the same line now: the service, anyone, the first free times from Friday 17:00
    const card = await say(x.line);
    expect(card.text).toMatch(x.offer);
    expect(card.buttons()).toContain(x.first);
    expect(card.buttons()).toHaveLength(7); // six times and Cancel
    await card.click(x.first);
    await carol.chat.waitForEdit(card, x.booked);
    const rows = await h.t.testDb.database.raw.query<{ start_at: Date }>(
      'SELECT start_at FROM bookings ORDER BY start_at',
    );
    expect(rows.map((r) => r.start_at.toISOString())).toEqual(['2037-03-06T16:00:00.000Z']);

    // --- a named specialist is honoured
    const named = await say(x.named);
    expect(named.text).toMatch(x.namedOffer);
    await named.click(x.namedFirst);
    await carol.chat.waitForEdit(named, x.namedBooked);

    // --- a service we do not offer: which ones we do, as buttons into /book
    const which = await say(x.unknown);
    expect(which.text).toMatch(x.which);
    expect(which.buttons()).toEqual([x.haircut, x.manicure]);

    // --- "book …" that names no service of ours stays a to-do
    expect((await say(x.notOurs)).text).not.toMatch(/^📅/);
    const [count] = await h.t.testDb.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM bookings',
    );
    expect(count?.n).toBe(2);
  }, 180_000);
});
