import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyMessage } from '../../../platform/telegram/index.ts';
import { type BookingHarness, startBookingHarness } from './booking-harness.ts';
import { type Business, setUpBusiness } from './booking-setup-support.ts';

// Monday 1 June 2026, 08:00 in Berlin. Bookings of this service wait for the admin's approval.
let h: BookingHarness;
let biz: Business;
let carol: string;
beforeAll(async () => {
  h = await startBookingHarness('2026-06-01T06:00:00Z', { workers: true });
  biz = await setUpBusiness(h, { requires_confirmation: 'always' });
  carol = (await h.users.upsertFromTelegram({ id: 9101, first_name: 'Carol' })).id;
});
afterAll(() => h.close());

/** Moves the clock to `iso`, then ticks until `count` notices match (the workers poll on ticks). */
async function noticesAt(iso: string, matcher: RegExp, count: number): Promise<NotifyMessage[]> {
  await h.clock.setTime(new Date(iso));
  for (let i = 0; i < 60; i++) {
    const found = (await h.notices()).filter((n) => matcher.test(n.text));
    if (found.length >= count) return found;
    await h.clock.tick(250);
  }
  throw new Error(
    `fewer than ${count} notices matching ${matcher}: ${JSON.stringify((await h.notices()).map((n) => n.text))}`,
  );
}

const book = async (user: string, start: string, extra: Record<string, unknown> = {}) => {
  const res = await h.call(user, 'POST', '/bookings', {
    service_id: biz.serviceId,
    location_id: biz.locationId,
    specialist_id: biz.specialistId,
    start,
    ...extra,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; status: string };
};

describe('approval timers', () => {
  it('a pending booking: the admin card, a reminder after 2 h, then expiry releases the time', async () => {
    const booking = await book(carol, '2026-06-02T10:00:00+02:00');
    expect(booking.status).toBe('pending');
    const card = (await h.notices()).find((n) => n.chatId === 9001);
    expect(card?.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual([
      '✅ Confirm',
      '🚫 Decline',
    ]);
    const [reminder] = await noticesAt('2026-06-01T08:00:30Z', /^⏳ Still waiting/, 1);
    expect(reminder?.chatId).toBe(9001);
    // Expiry: 24 h after the request or at the start, whichever is first (here: Tue 08:00 Berlin).
    const expired = await noticesAt('2026-06-02T06:00:30Z', /^⌛/, 3);
    expect(expired.map((n) => n.chatId).sort()).toEqual([9001, 9002, 9101]);
    const res = await h.call(biz.admin, 'GET', '/bookings?scope=all');
    expect((await res.json()).bookings[0]).toMatchObject({ id: booking.id, status: 'cancelled' });
    const again = await h.call(biz.admin, 'POST', `/bookings/${booking.id}/confirm`);
    expect(again.status).toBe(409);
  });
});

describe('completion checker', () => {
  it('after the end the admin is asked once; reminders reach the client before', async () => {
    // Made by the admin for Carol: confirmed at once; she is told, the admin is not.
    const booking = await book(biz.admin, '2026-06-04T10:00:00+02:00', { client_telegram_id: 9101 });
    expect(booking.status).toBe('confirmed');
    const reminders = await noticesAt('2026-06-04T06:00:30Z', /^⏰ Reminder/, 2);
    expect(reminders.every((n) => n.chatId === 9101)).toBe(true);
    const cards = await noticesAt('2026-06-04T09:00:30Z', /^❓ Did the visit happen\?/, 1);
    for (let i = 0; i < 12; i++) await h.clock.tick(250);
    const after = (await h.notices()).filter((n) => /^❓/.test(n.text));
    expect(after).toHaveLength(1);
    expect(cards[0]?.chatId).toBe(9001);
    expect(cards[0]?.dedupeKey).toBe(`booking-done:${booking.id}:9001`);
    const created = (await h.notices()).filter(
      (n) => /booking was made for you|New booking/.test(n.text) && n.text.includes('Thu 4 Jun'),
    );
    expect(created.map((n) => n.chatId).sort()).toEqual([9002, 9101]);
  });
});
