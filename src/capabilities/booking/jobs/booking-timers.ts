import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { JobContext, JobPort } from '../../../platform/jobs/job-queue.ts';
import type { Logger } from '../../../platform/observability/logger.ts';
import type { NotifyFn } from '../../capability.ts';
import { formatWhenFor } from '../booking-format.ts';
import { admins, clientPerson } from '../booking-people.ts';
import type { BookingService } from '../booking-service.ts';
import { type BookingRow, bookingLocations, bookingServices, bookings } from '../booking-tables.ts';
import { bookingCallback, packBooking } from '../bot/booking-callbacks.ts';
import type { NoticeInput, PushEnqueue, Translate } from '../notices/notice-sender.ts';
import { readersOf } from '../reader-zones.ts';

export const BOOKING_TIMERS_QUEUE = 'booking.timers';

/**
 * One queue for every timed step of a booking. A job carries the start/end it was made for; a
 * booking moved or closed since makes it a no-op, so nothing has to be cancelled on a change.
 */
export type TimerJob =
  | { kind: 'remind'; id: string; start: string; minutes: number }
  | { kind: 'complete'; id: string; end: string }
  | { kind: 'pending'; id: string }
  | { kind: 'expire'; id: string };

export interface TimerRules {
  /** Client reminders, minutes before the start (default 24 h and 2 h). */
  reminderMinutes: number[];
  /** An unconfirmed booking reminds the admins after this many hours … */
  pendingRemindHours: number;
  /** … and expires this many hours after it was made (or at its start, if sooner). */
  pendingExpireHours: number;
}

export function createTimerScheduler(deps: { jobs: JobPort; now: () => Date; rules: TimerRules }) {
  return async function scheduleTimers(tx: Tx, b: BookingRow, options: { created: boolean }): Promise<void> {
    const now = deps.now().getTime();
    const items: Array<{ data: TimerJob; startAfter: Date; singletonKey?: string }> = [];
    for (const minutes of deps.rules.reminderMinutes) {
      const at = b.startAt.getTime() - minutes * 60_000;
      if (at > now)
        items.push({
          data: { kind: 'remind', id: b.id, start: b.startAt.toISOString(), minutes },
          startAfter: new Date(at),
        });
    }
    // Keyed by booking and end: the completion card is asked once per booking.
    items.push({
      data: { kind: 'complete', id: b.id, end: b.endAt.toISOString() },
      startAfter: b.endAt,
      singletonKey: `complete:${b.id}:${b.endAt.toISOString()}`,
    });
    if (options.created && b.status === 'pending') {
      items.push({
        data: { kind: 'pending', id: b.id },
        startAfter: new Date(now + deps.rules.pendingRemindHours * 3_600_000),
      });
    }
    for (const item of items)
      await deps.jobs.send(BOOKING_TIMERS_QUEUE, item.data, {
        tx,
        startAfter: item.startAfter,
        ...(item.singletonKey ? { singletonKey: item.singletonKey } : {}),
      });
  };
}

export function createTimerHandler(deps: {
  db: Db;
  jobs: JobPort;
  notify: NotifyFn;
  now: () => Date;
  t: Translate;
  logger: Logger;
  bookings: BookingService;
  sendNotices: (tx: Tx, input: NoticeInput) => Promise<number>;
  rules: TimerRules;
  push?: PushEnqueue;
}) {
  const active = (b: BookingRow) => b.status === 'pending' || b.status === 'confirmed';
  return async (job: JobContext<TimerJob>) => {
    const data = job.data;
    const [b] = await deps.db.select().from(bookings).where(eq(bookings.id, data.id));
    if (!b || !active(b)) return { skipped: 'closed' };
    const [service] = await deps.db.select().from(bookingServices).where(eq(bookingServices.id, b.serviceId));
    const [location] = await deps.db
      .select()
      .from(bookingLocations)
      .where(eq(bookingLocations.id, b.locationId));
    if (!service || !location) return { skipped: 'gone' };
    const client = await clientPerson(deps.db, b.clientId);
    if (data.kind === 'remind') {
      if (b.startAt.toISOString() !== data.start) return { skipped: 'moved' };
      const reader = await readersOf(deps.db, [client]);
      const when = formatWhenFor(b.startAt, location.timezone, reader(client), (k, v) =>
        deps.t(client.language, k, v),
      );
      const reminder = deps.t(client.language, 'booking-reminder', {
        service: service.name,
        when,
        location: location.name,
        hours: Math.round(data.minutes / 60),
      });
      if (client.telegramId === null) {
        if (!deps.push) return { skipped: 'no chat' };
        await deps.push(
          undefined,
          { clientId: client.clientId, title: deps.t(client.language, 'booking-push-title'), body: reminder },
          `booking-remind:${b.id}:${data.start}:${data.minutes}:push`,
        );
        return { sent: 'reminder by push' };
      }
      await deps.notify({
        chatId: client.telegramId,
        text: reminder,
        dedupeKey: `booking-remind:${b.id}:${data.start}:${data.minutes}`,
      });
      return { sent: 'reminder' };
    }
    if (data.kind === 'complete') {
      if (b.endAt.toISOString() !== data.end) return { skipped: 'moved' };
      const sent = await deps.db.transaction((tx) =>
        deps.sendNotices(tx, {
          event: 'booking_done',
          initiator: 'system',
          initiatorUserId: null,
          booking: b,
        }),
      );
      return { sent };
    }
    if (b.status !== 'pending') return { skipped: 'decided' };
    if (data.kind === 'pending') {
      const expireAt = Math.min(
        b.createdAt.getTime() + deps.rules.pendingExpireHours * 3_600_000,
        b.startAt.getTime(),
      );
      await deps.db.transaction(async (tx) => {
        const owners = await admins(tx);
        const reader = await readersOf(tx, owners);
        for (const admin of owners) {
          if (admin.telegramId === null) continue;
          const id = packBooking(b.id);
          await deps.notify(
            {
              chatId: admin.telegramId,
              text: deps.t(admin.language, 'booking-pending-reminder', {
                service: service.name,
                client: client.name || deps.t(admin.language, 'booking-client-erased'),
                when: formatWhenFor(b.startAt, location.timezone, reader(admin), (k, v) =>
                  deps.t(admin.language, k, v),
                ),
              }),
              replyMarkup: {
                inline_keyboard: [
                  [
                    {
                      text: deps.t(admin.language, 'booking-button-confirm'),
                      callback_data: bookingCallback('confirm', id),
                    },
                    {
                      text: deps.t(admin.language, 'booking-button-decline'),
                      callback_data: bookingCallback('decline', id),
                    },
                  ],
                ],
              },
              dedupeKey: `booking-pending:${b.id}:${admin.telegramId}`,
            },
            { tx },
          );
        }
        await deps.jobs.send(
          BOOKING_TIMERS_QUEUE,
          { kind: 'expire', id: b.id },
          { tx, startAfter: new Date(Math.max(expireAt, deps.now().getTime())) },
        );
      });
      return { sent: 'pending reminder' };
    }
    await deps.bookings.act(null, b.id, 'expire');
    return { expired: b.id };
  };
}
