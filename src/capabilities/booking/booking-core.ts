import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import type { ActivityPort } from '../../platform/capability/activity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { User } from '../../platform/users/user-service.ts';
import { isAdmin } from './booking-people.ts';
import type { BookingAction } from './booking-state.ts';
import {
  type ActorRole,
  type BookingRow,
  type BookingStatus,
  bookingClients,
  bookingEvents,
  bookingLocations,
  bookingServices,
  bookings,
  type InitiatorRole,
  type LocationRow,
  type ServiceRow,
} from './booking-tables.ts';
import type { NoticeInput } from './notices/notice-sender.ts';
import type { SlotService } from './slots/slot-service.ts';

export interface BookingCore {
  db: Db;
  now: () => Date;
  slots: SlotService;
  sendNotices: (tx: Tx, input: NoticeInput) => Promise<number>;
  /** Jobs a booking needs from now on (reminders, completion check, approval reminder). */
  scheduleTimers: (tx: Tx, booking: BookingRow, options: { created: boolean }) => Promise<void>;
  rules: { noShowThreshold: number | null };
  /** Where `booking.created` / `booking.<action>` are reported for the person who did it. */
  activity?: ActivityPort;
  /** The keyed lookup hash of a normalized phone (a walk-in is found again by it, as a web client is). */
  identityHash: (normalized: string) => string;
}

export const notFound = () => new DomainError('not_found', 'booking_not_found', 'No such booking');

export async function loadRefs(db: Db | Tx, serviceId: string, locationId: string) {
  const [service] = await db.select().from(bookingServices).where(eq(bookingServices.id, serviceId));
  const [location] = await db.select().from(bookingLocations).where(eq(bookingLocations.id, locationId));
  if (!service || !location)
    throw new DomainError('not_found', 'booking_reference_missing', 'Unknown service or location');
  return { service, location };
}

/** The refs of a new booking or its slots: archived services and locations are offered to nobody. */
export function offered<T extends { service: ServiceRow; location: LocationRow }>(refs: T): T {
  if (refs.service.archivedAt || refs.location.archivedAt)
    throw new DomainError(
      'not_found',
      'booking_reference_missing',
      'That service or location is no longer offered',
    );
  return refs;
}

/** The local date of an instant at a location. */
export const localDate = (at: Date, location: LocationRow) =>
  DateTime.fromJSDate(at, { zone: location.timezone }).toISODate() as string;

/** The next free slots from `after` (any specialist): what a 409 offers instead. */
export async function alternatives(
  core: BookingCore,
  service: ServiceRow,
  location: LocationRow,
  after: Date,
  specialistIds: string[],
) {
  for (const id of specialistIds) core.slots.invalidate(id);
  const from = localDate(after < core.now() ? core.now() : after, location);
  const to = DateTime.fromISO(from).plus({ days: 13 }).toISODate() as string;
  const slots = await core.slots.slots(core.db, { location, service, specialistIds, from, to, merge: true });
  return slots.filter((s) => s.start > after).slice(0, 5);
}

/** Is `start` a free slot for this specialist (ignoring the booking being moved)? */
export async function isFree(
  core: BookingCore,
  refs: { service: ServiceRow; location: LocationRow },
  specialistId: string,
  start: Date,
  ignore?: BookingRow,
): Promise<boolean> {
  const day = localDate(start, refs.location);
  if (ignore) core.slots.invalidate(specialistId);
  const slots = await core.slots.slots(core.db, {
    ...refs,
    specialistIds: [specialistId],
    from: day,
    to: day,
    merge: false,
    ignore,
  });
  return slots.some((s) => s.start.getTime() === start.getTime());
}

export function statusForNew(
  service: ServiceRow,
  start: Date,
  now: Date,
  noShows: number,
  threshold: number | null,
): BookingStatus {
  if (service.requiresConfirmation === 'always') return 'pending';
  if (threshold !== null && noShows >= threshold) return 'pending';
  if (
    service.requiresConfirmation === 'below_notice' &&
    start.getTime() - now.getTime() < service.confirmationNoticeMinutes * 60_000
  ) {
    return 'pending';
  }
  return 'confirmed';
}

/** The client row of a Telegram person, created on their first booking. */
export async function clientFor(tx: Tx, user: User) {
  const [existing] = await tx.select().from(bookingClients).where(eq(bookingClients.userId, user.id));
  if (existing) return existing;
  const [row] = await tx
    .insert(bookingClients)
    .values({
      id: uuidv7(),
      userId: user.id,
      name: [user.firstName, user.lastName].filter(Boolean).join(' '),
      language: user.language,
    })
    .returning();
  return row as NonNullable<typeof row>;
}

export async function recordEvent(
  tx: Tx,
  input: {
    booking: BookingRow;
    kind: string;
    from: BookingStatus | null;
    initiator: InitiatorRole;
    userId: string | null;
    at: Date;
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(bookingEvents).values({
    id: uuidv7(),
    bookingId: input.booking.id,
    at: input.at,
    kind: input.kind,
    fromStatus: input.from,
    toStatus: input.booking.status,
    initiatorRole: input.initiator,
    initiatorUserId: input.userId,
    details: input.details ?? {},
  });
}

/** SQLSTATE 23P01: the exclusion constraint saw an overlap (drizzle may wrap the driver's error). */
export function isOverlap(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23P01') return true;
  }
  return false;
}

export async function getBooking(db: Db | Tx, id: string): Promise<BookingRow> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  if (!row) throw notFound();
  return row;
}

/** Writes the new status/times if nobody changed the booking meanwhile (optimistic version check). */
export async function updateBooking(
  tx: Tx,
  booking: BookingRow,
  patch: Partial<BookingRow>,
  now: Date,
): Promise<BookingRow> {
  const [row] = await tx
    .update(bookings)
    .set({ ...patch, version: booking.version + 1, updatedAt: now })
    .where(and(eq(bookings.id, booking.id), eq(bookings.version, booking.version)))
    .returning();
  if (!row) throw new DomainError('conflict', 'booking_changed', 'The booking changed meanwhile; reload it');
  return row;
}

export const EVENT_OF: Partial<Record<BookingAction, NoticeInput['event']>> = {
  confirm: 'booking_confirmed',
  decline: 'booking_declined',
  cancel: 'booking_cancelled',
  reschedule: 'booking_rescheduled',
  expire: 'booking_expired',
};

export const creatorRole = (user: User, forSomeoneElse: boolean, isSpecialist: boolean): ActorRole => {
  if (!forSomeoneElse) return 'client';
  if (isAdmin(user)) return 'admin';
  if (isSpecialist) return 'specialist';
  throw new DomainError(
    'forbidden',
    'booking_forbidden',
    'Only an admin or a specialist books for someone else',
  );
};
