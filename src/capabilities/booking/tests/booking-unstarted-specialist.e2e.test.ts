import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { waitMessage } from '../../../../test/support/clock-waits.ts';
import { bookingModule } from '../index.ts';

// A specialist added by their Telegram id who never pressed Start: Telegram answers "chat not
// found" to every message for them. The owner hears that instead (with the bot's link to send
// them), and nothing lands in the dead letters or raises an operator alert.
const NEVER_STARTED = 555_000_111;
const TEXTS = {
  en: /^ℹ️ Sam hasn't opened the bot yet, so they were not told:\n🆕 New booking: Carol — Haircut with Sam, Wed 4 Mar, 10:00\.\nSend them this link; once they press Start they get their bookings here: https:\/\/t\.me\/\w+$/,
  ru: /^ℹ️ Sam ещё не открывал\(а\) бота, поэтому не получил\(а\) сообщение:\n🆕 Новая запись: Carol — Haircut, специалист Sam, ср, 4 мар\., 10:00\.\nОтправьте эту ссылку; после «Старт» уведомления о записях будут приходить сюда: https:\/\/t\.me\/\w+$/,
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: a specialist who never opened the bot', (lang) => {
  it('the owner is told with a link to send them; no dead letter', async () => {
    // Monday 2 March 2037, 08:00 UTC.
    const h = await startCapabilityHarness([bookingModule], { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const carol = await h.person('Carol', { language: lang });
    const location = await h.call(admin.auth, 'POST', '/api/v1/booking/locations', {
      name: 'Mitte',
      timezone: 'Europe/Berlin',
    });
    const service = await h.call(admin.auth, 'POST', '/api/v1/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
    });
    const specialist = await h.call(admin.auth, 'POST', '/api/v1/booking/specialists', {
      telegram_id: NEVER_STARTED,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await h.call(admin.auth, 'PUT', `/api/v1/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });

    await h.call(carol.auth, 'POST', '/api/v1/booking/bookings', {
      service_id: service.id,
      location_id: location.id,
      specialist_id: specialist.id,
      start: '2037-03-04T10:00:00+01:00',
    });
    await waitMessage(h.clock, admin.chat, TEXTS[lang], 0);

    const queues = (await h.call(admin.auth, 'GET', '/api/v1/admin/queues')) as {
      items: Array<{ name: string; dead: number }>;
    };
    expect(queues.items.filter((q) => q.dead > 0)).toEqual([]);
    const tried = (await h.t.sb.calls('sendMessage')).filter((c) => c.params.chat_id === NEVER_STARTED);
    expect(tried).toHaveLength(1);
  }, 120_000);
});
