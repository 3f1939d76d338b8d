import { and, eq } from 'drizzle-orm';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Tx } from '../../../platform/db/database.ts';
import type { NotifyFn } from '../../capability.ts';
import { formatWhenFor } from '../booking-format.ts';
import { admins, clientPerson, type Person, specialistPerson } from '../booking-people.ts';
import {
  type ActorRole,
  type BookingRow,
  bookingAdTemplates,
  bookingLocations,
  bookingNotificationSettings,
  bookingServices,
  type InitiatorRole,
} from '../booking-tables.ts';
import { bookingCallback, packBooking } from '../bot/booking-callbacks.ts';
import { readersOf } from '../reader-zones.ts';
import type { PushJob } from '../web/push-store.ts';
import { type NoticeEvent, recipientsOf } from './notice-matrix.ts';

/** Enqueues a Web Push to a client's browsers in the caller's transaction. */
export type PushEnqueue = (tx: Tx | undefined, job: PushJob, key: string) => Promise<string | null>;

export type Translate = (language: string, key: string, vars?: Record<string, string | number>) => string;

export interface NoticeInput {
  event: NoticeEvent;
  initiator: InitiatorRole;
  /** The person who acted: never told of their own action (except the client's own confirmation). */
  initiatorUserId: string | null;
  booking: BookingRow;
  previousStart?: Date;
  /** The client booked in the bot and its card already confirms: their confirmation is not sent again. */
  clientToldInChat?: boolean;
}

/**
 * Turns a booking change into Telegram notices per the matrix, each a `notify` job in the caller's
 * transaction (so a rolled-back change tells no one). Settings switch a cell off or add an ad footer.
 */
export function createNoticeSender(deps: { notify: NotifyFn; t: Translate; push?: PushEnqueue }) {
  return async function sendNotices(tx: Tx, input: NoticeInput): Promise<number> {
    const { booking } = input;
    const targets = recipientsOf(input.event, input.initiator);
    if (targets.length === 0) return 0;
    const [service] = await tx
      .select()
      .from(bookingServices)
      .where(eq(bookingServices.id, booking.serviceId));
    const [location] = await tx
      .select()
      .from(bookingLocations)
      .where(eq(bookingLocations.id, booking.locationId));
    if (!service || !location) return 0;
    const specialist = await specialistPerson(tx, booking.specialistId);
    const client = await clientPerson(tx, booking.clientId);
    const settings = await tx
      .select({
        role: bookingNotificationSettings.recipientRole,
        channel: bookingNotificationSettings.channel,
        enabled: bookingNotificationSettings.enabled,
        ad: bookingAdTemplates.text,
      })
      .from(bookingNotificationSettings)
      .leftJoin(
        bookingAdTemplates,
        and(
          eq(bookingAdTemplates.id, bookingNotificationSettings.adTemplateId),
          eq(bookingAdTemplates.active, true),
        ),
      )
      .where(eq(bookingNotificationSettings.event, input.event));
    const owners = await admins(tx);
    const people: Record<ActorRole, Person[]> = {
      client: [client],
      specialist: [specialist],
      admin: targets.some((r) => r.role === 'admin') ? owners : [],
    };
    // The location's time, labelled with its city for a reader whose own clock differs (#37.3).
    const reader = await readersOf(tx, [client, specialist, ...owners]);
    const when = (at: Date, person: Person) =>
      formatWhenFor(at, location.timezone, reader(person), (key, vars) => deps.t(person.language, key, vars));
    const told = new Set<number>();
    let ownersOnce: Promise<Person[]> | undefined;
    let sent = 0;
    for (const { role, message } of targets) {
      if (role === 'client' && message === 'confirmation' && input.clientToldInChat) continue;
      const setting = settings.find((s) => s.role === role && s.channel === 'telegram');
      // A client without a Telegram chat (booked on the web) is told by Web Push, when their browser subscribed.
      if (role === 'client' && client.telegramId === null && deps.push) {
        const pushSetting = settings.find((s) => s.role === 'client' && s.channel === 'web_push');
        if (pushSetting && !pushSetting.enabled) continue;
        if (client.userId !== null && client.userId === input.initiatorUserId && message !== 'confirmation')
          continue;
        const lang = client.language;
        const said = message === 'confirmation' && booking.status === 'pending' ? 'requested' : message;
        let body = deps.t(lang, `booking-notice-${input.event.slice(8)}-${said}`, {
          service: service.name,
          specialist: specialist.name,
          client: client.name || deps.t(lang, 'booking-client-erased'),
          location: location.name,
          when: when(booking.startAt, client),
          was: input.previousStart ? when(input.previousStart, client) : '',
        });
        if (pushSetting?.ad) body += `\n\n${pushSetting.ad}`;
        await deps.push(
          tx,
          { clientId: client.clientId, title: deps.t(lang, 'booking-push-title'), body },
          `booking:${booking.id}:v${booking.version}:${input.event}:push`,
        );
        sent++;
        continue;
      }
      if (setting && !setting.enabled) continue;
      for (const person of people[role]) {
        if (person.telegramId === null || told.has(person.telegramId)) continue;
        const self = person.userId !== null && person.userId === input.initiatorUserId;
        if (self && role !== input.initiator) continue;
        told.add(person.telegramId);
        const lang = person.language;
        const vars = {
          service: service.name,
          specialist: specialist.name,
          // A client who erased themselves is "a client" (their name went with them).
          client: client.name || deps.t(lang, 'booking-client-erased'),
          location: location.name,
          when: when(booking.startAt, person),
          was: input.previousStart ? when(input.previousStart, person) : '',
        };
        const pendingCard =
          role !== 'client' && booking.status === 'pending' && input.event !== 'booking_expired';
        // A client whose booking awaits approval is told it is requested, not booked.
        const said = message === 'confirmation' && booking.status === 'pending' ? 'requested' : message;
        let text = deps.t(lang, `booking-notice-${input.event.slice(8)}-${said}`, vars);
        if (pendingCard && input.event === 'booking_created')
          text += `\n${deps.t(lang, 'booking-needs-approval')}`;
        if (setting?.ad) text += `\n\n${setting.ad}`;
        // A specialist added by id may never have opened the bot: then the owners hear it instead.
        if (role === 'specialist') ownersOnce ??= Promise.resolve(owners);
        const ifNeverStarted =
          role === 'specialist' && ownersOnce
            ? (await ownersOnce)
                .filter((a) => a.telegramId !== null && a.telegramId !== person.telegramId)
                .map((a) => ({
                  chatId: a.telegramId as number,
                  text: deps.t(a.language, 'booking-specialist-not-started', {
                    specialist: specialist.name,
                    missed: deps.t(a.language, `booking-notice-${input.event.slice(8)}-${said}`, {
                      ...vars,
                      when: when(booking.startAt, a),
                    }),
                    link: '{bot_link}',
                  }),
                  dedupeKey: `booking:${booking.id}:v${booking.version}:${input.event}:unreached:${person.telegramId}:${a.telegramId}`,
                }))
            : [];
        await deps.notify(
          {
            chatId: person.telegramId,
            text,
            ...(ifNeverStarted.length ? { ifNeverStarted } : {}),
            replyMarkup: buttons(input.event, booking, role, pendingCard, (key) => deps.t(lang, key)),
            dedupeKey:
              input.event === 'booking_done'
                ? `booking-done:${booking.id}:${person.telegramId}`
                : `booking:${booking.id}:v${booking.version}:${input.event}:${person.telegramId}`,
          },
          { tx },
        );
        sent++;
      }
    }
    return sent;
  };
}

function buttons(
  event: NoticeEvent,
  booking: BookingRow,
  role: ActorRole,
  pendingCard: boolean,
  t: (key: string) => string,
): InlineKeyboardMarkup | undefined {
  const id = packBooking(booking.id);
  if (event === 'booking_done' && role === 'admin') {
    return {
      inline_keyboard: [
        [
          { text: t('booking-button-visit-yes'), callback_data: bookingCallback('done', id) },
          { text: t('booking-button-visit-no'), callback_data: bookingCallback('noshow', id) },
        ],
      ],
    };
  }
  if (pendingCard && (event === 'booking_created' || event === 'booking_rescheduled')) {
    return {
      inline_keyboard: [
        [
          { text: t('booking-button-confirm'), callback_data: bookingCallback('confirm', id) },
          { text: t('booking-button-decline'), callback_data: bookingCallback('decline', id) },
        ],
      ],
    };
  }
  return undefined;
}
