import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import { bookingModule } from '../index.ts';

const TEXTS = {
  en: {
    menu: /Business admin/,
    notices: '🔔 Notifications',
    screen: /^🔔 Notifications/,
    specialistOn: '✅ Specialist',
    specialistOff: '⛔ Specialist',
    event: 'New booking',
    ask: /^Ad footer for “New booking” notices \(now: —\)/,
    tooLong: /^A footer is 1 to 300 characters/,
    saved: /^📣 Footer saved\.$/,
    listed: /📣 New booking: Coffee is on us ☕/,
    adminNotice: /^🆕 New booking: Carol — Haircut with Sam, Wed 4 Mar, 10:00\.\n\nCoffee is on us ☕$/,
    clientNotice: /^✅ You are booked: Haircut with Sam, Wed 4 Mar, 10:00 \(Mitte\)\.\n\nCoffee is on us ☕$/,
    cancelled: /^❌ Booking cancelled: Carol — Haircut with Sam, Wed 4 Mar, 10:00\.$/,
  },
  ru: {
    menu: /Управление/,
    notices: '🔔 Уведомления',
    screen: /^🔔 Уведомления/,
    specialistOn: '✅ Специалист',
    specialistOff: '⛔ Специалист',
    event: 'Новая запись',
    ask: /^Рекламная подпись для уведомлений «Новая запись» \(сейчас: —\)/,
    tooLong: /^Подпись — от 1 до 300 символов/,
    saved: /^📣 Подпись сохранена\.$/,
    listed: /📣 Новая запись: Coffee is on us ☕/,
    adminNotice:
      /^🆕 Новая запись: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00\.\n\nCoffee is on us ☕$/,
    clientNotice:
      /^✅ Вы записаны: Haircut, специалист Sam, ср, 4 мар\., 10:00 \(Mitte\)\.\n\nCoffee is on us ☕$/,
    cancelled: /^❌ Запись отменена: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00\.$/,
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)(
  '%s: the admin switches notices and sets an ad footer in the bot',
  (lang) => {
    it('a switched-off notice is not sent; the footer ends the event’s notices', async () => {
      const x = TEXTS[lang];
      // Monday 2 March 2037, 08:00 UTC.
      const h = await startCapabilityHarness([bookingModule], { start: '2037-03-02T08:00:00Z' });
      harnesses.push(h);
      const admin = await h.person('Ada', { roles: ['admin'], language: lang });
      const sam = await h.person('Sam', { language: lang });
      const carol = await h.person('Carol', { language: lang });
      const api = async (
        who: { auth: Record<string, string> },
        method: string,
        path: string,
        body?: unknown,
      ) => {
        const res = await h.request(`/api/v1${path}`, {
          method,
          headers: who.auth,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status, `${method} ${path}`).toBeLessThan(300);
        return res.json();
      };
      const location = await api(admin, 'POST', '/booking/locations', {
        name: 'Mitte',
        timezone: 'Europe/Berlin',
      });
      const service = await api(admin, 'POST', '/booking/services', {
        name: 'Haircut',
        duration_minutes: 60,
      });
      const specialist = await api(admin, 'POST', '/booking/specialists', {
        telegram_id: sam.user.id,
        name: 'Sam',
        service_ids: [service.id],
        location_ids: [location.id],
      });
      await api(admin, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
        location_id: location.id,
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
      });

      // --- /admin → 🔔: the specialist is no longer told of new bookings
      await admin.user.send('/admin');
      const menu = await admin.chat.nextMessage(x.menu);
      await menu.click(x.notices);
      let screen = await admin.chat.nextMessage(x.screen);
      // The first row is "New booking": its specialist switch is the first of its kind.
      await screen.click(x.specialistOn);
      screen = await admin.chat.waitForEdit(screen, (m) => m.buttons().includes(x.specialistOff));
      expect(screen.buttons().filter((b) => b === x.specialistOff)).toHaveLength(1);

      // --- the "New booking" footer: too long first, then a real one
      await screen.click(x.event);
      screen = await admin.chat.waitForEdit(screen, x.ask);
      await admin.user.send('x'.repeat(301));
      await admin.chat.nextMessage(x.tooLong);
      await admin.user.send('Coffee is on us ☕');
      await admin.chat.nextMessage(x.saved);
      await admin.chat.nextMessage(x.listed);

      const samSince = await lastId(sam.chat);
      const adminSince = await lastId(admin.chat);
      const booked = await api(carol, 'POST', '/booking/bookings', {
        service_id: service.id,
        location_id: location.id,
        specialist_id: specialist.id,
        start: '2037-03-04T10:00:00+01:00',
      });
      await waitMessage(h.clock, admin.chat, x.adminNotice, adminSince);
      await waitMessage(h.clock, carol.chat, x.clientNotice, 0);
      await expectSilence(h.clock, sam.chat, samSince);

      // --- the switch was for that one cell: a cancellation still reaches the specialist (no footer)
      const { settings } = await api(admin, 'GET', '/booking/notification-settings');
      expect(settings).toContainEqual(
        expect.objectContaining({ event: 'booking_created', recipient_role: 'specialist', enabled: false }),
      );
      await api(carol, 'POST', `/booking/bookings/${booked.id}/cancel`);
      await waitMessage(h.clock, sam.chat, x.cancelled, samSince);
    }, 120_000);
  },
);
