import { afterAll, describe, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { runBookingScenario } from './booking-scenario.ts';

let t: TestSystem | undefined;
afterAll(() => t?.close());

describe('en: a small business runs its appointments through the bot', () => {
  it('setup → booking → approval → move → completion card, each chat per the matrix', async () => {
    ({ t } = await runBookingScenario({
      lang: 'en',
      zone: 'Europe/Berlin',
      admin: {
        menu: /Business admin/,
        location: '➕ Location',
        service: '➕ Service',
        specialist: '➕ Specialist',
        hours: '🕘 Working hours',
        approvalYes: 'Yes, I confirm each',
        saved: /saved/,
      },
      client: {
        service: /^Haircut · 60 min$/,
        pickDay: /Pick a day/,
        pickTime: /^Tue 2 Mar: pick a time\.$|^Wed 3 Mar: pick a time\.$/,
        confirmCard: /^Book Haircut with Sam, Tue 2 Mar, 10:00 \(Mitte\)\?$/,
        confirm: '✅ Confirm',
        requested:
          /^⏳ Your request is in: Haircut with Sam, Tue 2 Mar, 10:00 \(Mitte\)\. You will hear when it is confirmed\.$/,
        move: /Move #1/,
        moveCard: /^Move your booking to Wed 3 Mar, 11:00 with Sam \(Mitte\)\?$/,
        moved: /^🔁 Moved to Wed 3 Mar, 11:00\.$/,
      },
      notices: {
        requested: /^⏳ Your request is in: Haircut with Sam, Tue 2 Mar, 10:00 \(Mitte\)\./,
        newBooking:
          /^🆕 New booking: Carol — Haircut with Sam, Tue 2 Mar, 10:00\.\n⏳ Waiting for confirmation\.$/,
        confirmed: /^✅ Booking confirmed: Carol — Haircut with Sam, Tue 2 Mar, 10:00\.$/,
        moved: /^🔁 Booking moved: Carol — Haircut with Sam, Tue 2 Mar, 10:00 → Wed 3 Mar, 11:00\.$/,
        reminder: /^⏰ Reminder: Haircut Wed 3 Mar, 11:00 \(Mitte\)/,
        card: /^❓ Did the visit happen\? Carol — Haircut with Sam, Wed 3 Mar, 11:00\.$/,
      },
      buttons: {
        confirm: '✅ Confirm',
        yes: '✅ Yes',
        confirmedMark: /✅ Confirmed$/,
        doneMark: /✅ Marked as done$/,
      },
    }));
  }, 240_000);
});
