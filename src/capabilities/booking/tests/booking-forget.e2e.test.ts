import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { CAPABILITY_MODULES } from '../../../app/capabilities.ts';

// Issue 37, item 13: /forget with bookings ahead says what happens to them before the person
// confirms, then cancels them, tells the specialist and the owner of "a client" (the name is gone),
// and leaves the booking's client without a name or a user.
const TEXTS = {
  en: {
    preview:
      /\n\n📅 You have 2 bookings ahead: they will be cancelled and the salon told \(without your name\)\.$/,
    yes: 'Yes, erase everything',
    done: /^Everything is erased/,
    cancelled: (day: string) =>
      new RegExp(`^❌ Booking cancelled: a client — Haircut with Sam, ${day}, 10:00\\.$`),
    days: ['Wed 4 Mar', 'Thu 5 Mar'],
    plain: /^This erases everything I keep about you[^📅]*$/u,
  },
  ru: {
    preview:
      /\n\n📅 У вас 2 предстоящие записи: они будут отменены, а салону сообщим \(без вашего имени\)\.$/,
    yes: 'Да, стереть всё',
    done: /^Всё стёрто/,
    cancelled: (day: string) =>
      new RegExp(`^❌ Запись отменена: клиент — Haircut, специалист Sam, ${day}, 10:00\\.$`),
    days: ['ср, 4 мар\\.', 'чт, 5 мар\\.'],
    plain: /^Это сотрёт всё, что я о вас храню[^📅]*$/u,
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: /forget with bookings ahead', (lang) => {
  it('says what happens, then cancels them and tells the salon of "a client"', async () => {
    const x = TEXTS[lang];
    // Monday 2 March 2037, 08:00 UTC.
    const h = await startCapabilityHarness(CAPABILITY_MODULES, { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const sam = await h.person('Sam', { language: lang });
    const carol = await h.person('Carol', { language: lang });
    const dan = await h.person('Dan', { language: lang });
    const api = (who: { auth: Record<string, string> }, method: string, path: string, body?: unknown) =>
      h.call(who.auth, method, `/api/v1/booking${path}`, body);
    const location = await api(admin, 'POST', '/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
    const service = await api(admin, 'POST', '/services', { name: 'Haircut', duration_minutes: 60 });
    const specialist = await api(admin, 'POST', '/specialists', {
      telegram_id: sam.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await api(admin, 'PUT', `/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });
    for (const day of ['04', '05'])
      await api(carol, 'POST', '/bookings', {
        service_id: service.id,
        location_id: location.id,
        specialist_id: specialist.id,
        start: `2037-03-${day}T10:00:00+01:00`,
      });

    // --- someone with no bookings hears nothing about them
    await dan.user.send('/forget');
    expect((await dan.chat.nextMessage((m) => m.fromBot)).text).toMatch(x.plain);

    // --- the confirmation says what happens to the bookings; nothing changes before Yes
    await waitMessage(h.clock, sam.chat, /Carol/, 0);
    const samSince = await lastId(sam.chat);
    const adminSince = await lastId(admin.chat);
    await carol.user.send('/forget');
    const ask = await carol.chat.nextMessage(x.preview);
    const status = async () =>
      (
        await h.t.testDb.database.raw.query<{ status: string }>(
          'SELECT status FROM bookings ORDER BY start_at',
        )
      ).map((r) => r.status);
    expect(await status()).toEqual(['confirmed', 'confirmed']);
    await ask.click(x.yes);
    await carol.chat.waitForEdit(ask, x.done);

    // --- both cancelled, the specialist and the owner told of "a client"
    expect(await status()).toEqual(['cancelled', 'cancelled']);
    for (const day of x.days) {
      await waitMessage(h.clock, sam.chat, x.cancelled(day), samSince);
      await waitMessage(h.clock, admin.chat, x.cancelled(day), adminSince);
    }
    const told = [
      ...(await sam.chat.messages()).filter((m) => m.fromBot && m.id > samSince),
      ...(await admin.chat.messages()).filter((m) => m.fromBot && m.id > adminSince),
    ];
    expect(told.filter((m) => m.text.includes('Carol'))).toEqual([]);
    const clients = await h.t.testDb.database.raw.query<{ name: string; user_id: string | null }>(
      'SELECT name, user_id FROM booking_clients',
    );
    expect(clients).toEqual([{ name: '', user_id: null }]);
  }, 180_000);
});
