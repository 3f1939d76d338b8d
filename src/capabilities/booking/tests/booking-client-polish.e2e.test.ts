import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { bookingModule } from '../index.ts';

// Issue #37 items 3 and 12, as a client in New York, a specialist in London and the owner in
// Berlin meet them: one convention for a slot (the salon's time, labelled when the reader's clock
// differs), the calendar's weekday header and Cancel, one confirmation, a list that names the
// specialist, "Sure?" before a cancel, and cards that keep only the new status.
const TEXTS = {
  en: {
    service: 'Haircut · 60 min',
    weekday: 'Mon',
    quit: '✖️ Cancel',
    quitDone: /^Nothing was booked\. \/book to start again\.$/,
    pickTime: /^Wed 4 Mar: pick a time\.\nTimes are London time\.$/,
    confirmCard: /^Book Haircut with Sam, Wed 4 Mar, 10:00 London time \(Soho\)\?$/,
    confirm: '✅ Confirm',
    requested:
      /^⏳ Your request is in: Haircut with Sam, Wed 4 Mar, 10:00 London time \(Soho\)\. You will hear when it is confirmed\.$/,
    adminNew:
      /^🆕 New booking: Carol — Haircut with Sam, Wed 4 Mar, 10:00 London time\.\n⏳ Waiting for confirmation\.$/,
    samNew: /^🆕 New booking: Carol — Haircut with Sam, Wed 4 Mar, 10:00\.\n⏳ Waiting for confirmation\.$/,
    adminConfirmed:
      /^🆕 New booking: Carol — Haircut with Sam, Wed 4 Mar, 10:00 London time\.\n\n✅ Confirmed$/,
    clientConfirmed: /^✅ Booking confirmed: Carol — Haircut with Sam, Wed 4 Mar, 10:00 London time\.$/,
    mine: /^Your bookings:\n1\. Wed 4 Mar, 10:00 London time — Haircut with Sam · confirmed$/,
    cancel: '❌ Cancel #1',
    sure: /^Cancel this booking\?\nWed 4 Mar, 10:00 London time — Haircut with Sam · confirmed$/,
    yes: 'Yes, cancel it',
    cancelled: /^❌ Cancelled: Wed 4 Mar, 10:00 London time — Haircut with Sam\.$/,
    samCancelled: /^❌ Booking cancelled: Carol — Haircut with Sam, Wed 4 Mar, 10:00\.$/,
  },
  ru: {
    service: 'Haircut · 60 мин',
    weekday: 'пн',
    quit: '✖️ Отмена',
    quitDone: /^Ничего не записано\. \/book — начать заново\.$/,
    pickTime: /^ср 4 мар\.: выберите время\.\nВремя указано по времени Лондона\.$/,
    confirmCard: /^.*Haircut.*Sam.*ср, 4 мар\., 10:00 по времени Лондона \(Soho\)\?$/,
    confirm: '✅ Подтвердить',
    requested:
      /^⏳ Заявка принята: Haircut, специалист Sam, ср, 4 мар\., 10:00 по времени Лондона \(Soho\)\. Сообщим, когда её подтвердят\.$/,
    adminNew:
      /^🆕 Новая запись: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00 по времени Лондона\.\n⏳ Ждёт подтверждения\.$/,
    samNew:
      /^🆕 Новая запись: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00\.\n⏳ Ждёт подтверждения\.$/,
    adminConfirmed:
      /^🆕 Новая запись: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00 по времени Лондона\.\n\n✅ Подтверждено$/,
    clientConfirmed:
      /^✅ Запись подтверждена: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00 по времени Лондона\.$/,
    mine: /^Ваши записи:\n1\. ср, 4 мар\., 10:00 по времени Лондона — Haircut, специалист Sam · подтверждена$/,
    cancel: '❌ Отменить №1',
    sure: /^Отменить эту запись\?\nср, 4 мар\., 10:00 по времени Лондона — Haircut, специалист Sam · подтверждена$/,
    yes: 'Да, отменить',
    cancelled: /^❌ Отменено: ср, 4 мар\., 10:00 по времени Лондона — Haircut, специалист Sam\.$/,
    samCancelled: /^❌ Запись отменена: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00\.$/,
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: a client books at a salon in another timezone', (lang) => {
  it('salon time labelled, one confirmation, the list names the specialist, cancel asks first', async () => {
    const x = TEXTS[lang];
    // Monday 2 March 2037, 08:00 UTC.
    const h = await startCapabilityHarness([bookingModule], { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang, timezone: 'Europe/Berlin' });
    const sam = await h.person('Sam', { language: lang, timezone: 'Europe/London' });
    const carol = await h.person('Carol', { language: lang, timezone: 'America/New_York' });
    const api = (method: string, path: string, body?: unknown) =>
      h.call(admin.auth, method, `/api/v1/booking${path}`, body);
    const location = await api('POST', '/locations', { name: 'Soho', timezone: 'Europe/London' });
    const service = await api('POST', '/services', {
      name: 'Haircut',
      duration_minutes: 60,
      requires_confirmation: 'always',
    });
    const specialist = await api('POST', '/specialists', {
      telegram_id: sam.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await api('PUT', `/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });

    // --- the calendar has a weekday header and a way out
    await carol.user.send('/book');
    let m = await carol.chat.nextMessage((msg) => msg.buttons().includes(x.service));
    const step = async (label: string, next: RegExp | ((msg: typeof m) => boolean)) => {
      await m.click(label);
      m = await carol.chat.waitForEdit(m, next);
      return m;
    };
    await step(x.service, (msg) => msg.buttons().includes('Sam'));
    await step('Sam', (msg) => msg.buttons().includes('4'));
    expect(m.buttons()).toContain(x.weekday);
    expect(m.buttons()).toContain(x.quit);
    await step(x.quit, x.quitDone);

    // --- book again: the times say whose clock they are, the card and the confirmation too
    await carol.user.send('/book');
    m = await carol.chat.nextMessage((msg) => msg.buttons().includes(x.service));
    await step(x.service, (msg) => msg.buttons().includes('Sam'));
    await step('Sam', (msg) => msg.buttons().includes('4'));
    await step('4', x.pickTime);
    await step('10:00', x.confirmCard);
    await step(x.confirm, x.requested);

    // --- the owner (Berlin) reads the salon's time labelled; the specialist (London) reads it plain
    const adminCard = await waitMessage(h.clock, admin.chat, x.adminNew, 0);
    await waitMessage(h.clock, sam.chat, x.samNew, 0);
    // One confirmation: the card the client booked from, no second message saying the same.
    const carolAfterBooking = await lastId(carol.chat);
    await expectSilence(h.clock, carol.chat, carolAfterBooking, 8);
    expect((await carol.chat.messages()).filter((msg) => x.requested.test(msg.text))).toHaveLength(1);

    // --- confirming: the owner's card keeps only the new status
    await adminCard.click(x.confirm);
    await admin.chat.waitForEdit(adminCard, x.adminConfirmed);
    await waitMessage(h.clock, carol.chat, x.clientConfirmed, carolAfterBooking);

    // --- the client's list names the specialist (not the client); cancel asks first
    await carol.user.send('/mybookings');
    m = await carol.chat.nextMessage(x.mine);
    expect(m.text).not.toContain('Carol');
    const samSince = await lastId(sam.chat);
    await step(x.cancel, x.sure);
    const [row] = await h.t.testDb.database.raw.query<{ status: string }>('SELECT status FROM bookings');
    expect(row?.status).toBe('confirmed');
    await step(x.yes, x.cancelled);
    await waitMessage(h.clock, sam.chat, x.samCancelled, samSince);
    const [after] = await h.t.testDb.database.raw.query<{ status: string }>('SELECT status FROM bookings');
    expect(after?.status).toBe('cancelled');
  }, 180_000);
});
