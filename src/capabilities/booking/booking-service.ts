import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { users } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isoInZone } from '../../platform/nl/zoned-clock.ts';
import type { User } from '../../platform/users/user-service.ts';
import {
  alternatives,
  type BookingCore,
  clientFor,
  creatorRole,
  EVENT_OF,
  getBooking,
  isFree,
  isOverlap,
  loadRefs,
  notFound,
  offered,
  recordEvent,
  statusForNew,
  updateBooking,
} from './booking-core.ts';
import { isAdmin, rolesFor, specialistOf, walkInClient } from './booking-people.ts';
import { type BookingAction, pickRole, planTransition } from './booking-state.ts';
import {
  type BookingRow,
  bookingClients,
  bookingLocations,
  bookingSpecialists,
  bookings,
  type ClientRow,
  type InitiatorRole,
} from './booking-tables.ts';

export interface CreateBookingInput {
  serviceId: string;
  locationId: string;
  /** null: any specialist who is free then. */
  specialistId: string | null;
  start: Date;
  /** Book for this person instead of the caller (admin or the specialist). */
  clientTelegramId?: number | undefined;
  /** Book for a walk-in (admin or the specialist): their name and phone, kept sealed. */
  walkIn?: { name: string; phone: string } | undefined;
  /** The client sees the confirmation where they booked (the bot's card): no second message. */
  toldInChat?: boolean | undefined;
}

export type BookingScope = 'mine' | 'specialist' | 'all';

/** Bookings: creating, moving through the state machine, and listing, with every change audited and announced. */
export function createBookingService(core: BookingCore) {
  const { db } = core;

  async function conflict(
    refs: Awaited<ReturnType<typeof loadRefs>>,
    start: Date,
    specialistIds: string[],
    message: string,
  ) {
    const alt = await alternatives(core, refs.service, refs.location, start, specialistIds);
    return new DomainError('conflict', 'slot_unavailable', message, {
      alternatives: alt.map((s) => ({
        start: isoInZone(s.start, refs.location.timezone),
        specialist_id: s.specialistId,
      })),
    });
  }

  async function create(user: User, input: CreateBookingInput): Promise<BookingRow> {
    const refs = offered(await loadRefs(db, input.serviceId, input.locationId));
    const all = await core.slots.candidates(db, input.serviceId, input.locationId);
    const own = await specialistOf(db, user);
    if (input.walkIn && input.clientTelegramId !== undefined)
      throw new DomainError(
        'invalid',
        'booking_client_ambiguous',
        'Give a Telegram id or a walk-in, not both',
      );
    const forOther =
      input.walkIn !== undefined ||
      (input.clientTelegramId !== undefined && input.clientTelegramId !== user.telegramId);
    const createdBy = creatorRole(user, forOther, own !== null);
    // A specialist booking for a client books their own calendar (a booking they make is confirmed
    // at once, so a colleague's calendar is not theirs to fill); only an admin books for anyone.
    let chosen = input.specialistId;
    if (createdBy === 'specialist' && own) {
      if (chosen && chosen !== own.id)
        throw new DomainError(
          'forbidden',
          'booking_forbidden',
          "A specialist books clients into their own calendar only; an admin books into a colleague's",
        );
      chosen = own.id;
    }
    if (chosen && !all.includes(chosen)) {
      throw new DomainError(
        'not_found',
        'booking_specialist_missing',
        'This specialist does not offer the service here',
      );
    }
    const wanted = chosen ? [chosen] : all;
    let specialistId: string | null = null;
    for (const id of wanted) {
      if (await isFree(core, refs, id, input.start)) {
        specialistId = id;
        break;
      }
    }
    if (!specialistId) throw await conflict(refs, input.start, all, 'That time is not free');
    const now = core.now();
    const end = new Date(input.start.getTime() + refs.service.durationMinutes * 60_000);
    try {
      const row = await db.transaction(async (tx) => {
        let clientUser: User | null = user;
        let client: ClientRow;
        if (input.walkIn) {
          clientUser = null;
          client = await walkInClient(tx, input.walkIn, user.language, core.identityHash);
        } else if (forOther) {
          const [other] = await tx
            .select()
            .from(users)
            .where(eq(users.telegramId, input.clientTelegramId as number));
          if (!other)
            throw new DomainError(
              'not_found',
              'booking_client_missing',
              'That person has not written to the bot yet',
            );
          clientUser = other;
          client = await clientFor(tx, other);
        } else {
          client = await clientFor(tx, user);
        }
        const status =
          createdBy === 'client'
            ? statusForNew(refs.service, input.start, now, client.noShowCount, core.rules.noShowThreshold)
            : 'confirmed';
        const [booking] = await tx
          .insert(bookings)
          .values({
            id: uuidv7(),
            serviceId: refs.service.id,
            locationId: refs.location.id,
            specialistId: specialistId as string,
            clientId: client.id,
            startAt: input.start,
            endAt: end,
            blockedFrom: new Date(input.start.getTime() - refs.service.bufferBeforeMinutes * 60_000),
            blockedTo: new Date(end.getTime() + refs.service.bufferAfterMinutes * 60_000),
            status,
            createdBy,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const created = booking as BookingRow;
        await recordEvent(tx, {
          booking: created,
          kind: 'created',
          from: null,
          initiator: createdBy,
          userId: user.id,
          at: now,
        });
        await core.sendNotices(tx, {
          event: 'booking_created',
          initiator: createdBy,
          initiatorUserId: user.id,
          booking: created,
          ...(input.toldInChat ? { clientToldInChat: true } : {}),
        });
        await core.scheduleTimers(tx, created, { created: true });
        if (clientUser)
          await core.activity?.record(clientUser.id, 'booking.created', { bookingId: created.id }, { tx });
        return created;
      });
      core.slots.invalidate(row.specialistId);
      return row;
    } catch (error) {
      if (isOverlap(error)) throw await conflict(refs, input.start, all, 'Someone has just taken that time');
      throw error;
    }
  }

  /** One move of the state machine by a person (or the system when `user` is null). */
  async function act(
    user: User | null,
    id: string,
    action: BookingAction,
    options: { start?: Date } = {},
  ): Promise<BookingRow> {
    const booking = await getBooking(db, id);
    let role: InitiatorRole = 'system';
    if (user) {
      const held = await rolesFor(db, user, booking);
      if (held.length === 0) throw notFound();
      role = pickRole(held, action);
    }
    const refs = await loadRefs(db, booking.serviceId, booking.locationId);
    const now = core.now();
    const to = planTransition({
      action,
      status: booking.status,
      role,
      startAt: booking.startAt,
      now,
      cutoffMinutes: refs.service.cancelCutoffMinutes,
    });
    const patch: Partial<BookingRow> = { status: to };
    if (action === 'reschedule') {
      const start = options.start;
      if (!start) throw new DomainError('invalid', 'booking_start_missing', 'A new start is required');
      if (!(await isFree(core, refs, booking.specialistId, start, booking))) {
        throw await conflict(refs, start, [booking.specialistId], 'That time is not free');
      }
      const end = new Date(start.getTime() + refs.service.durationMinutes * 60_000);
      Object.assign(patch, {
        startAt: start,
        endAt: end,
        blockedFrom: new Date(start.getTime() - refs.service.bufferBeforeMinutes * 60_000),
        blockedTo: new Date(end.getTime() + refs.service.bufferAfterMinutes * 60_000),
      });
    }
    if (action === 'decline' || action === 'expire' || action === 'cancel') patch.cancelReason = action;
    try {
      const updated = await db.transaction(async (tx) => {
        const row = await updateBooking(tx, booking, patch, now);
        await recordEvent(tx, {
          booking: row,
          kind: action,
          from: booking.status,
          initiator: role,
          userId: user?.id ?? null,
          at: now,
          details:
            action === 'reschedule'
              ? { from_start: booking.startAt.toISOString(), to_start: row.startAt.toISOString() }
              : {},
        });
        if (action === 'no_show') {
          await tx
            .update(bookingClients)
            .set({ noShowCount: sql`${bookingClients.noShowCount} + 1` })
            .where(eq(bookingClients.id, row.clientId));
        }
        const event = EVENT_OF[action];
        if (event) {
          await core.sendNotices(tx, {
            event,
            initiator: role,
            initiatorUserId: user?.id ?? null,
            booking: row,
            previousStart: booking.startAt,
          });
        }
        if (action === 'reschedule') await core.scheduleTimers(tx, row, { created: false });
        if (user)
          await core.activity?.record(user.id, `booking.${action}`, { bookingId: row.id, role }, { tx });
        return row;
      });
      core.slots.invalidate(updated.specialistId);
      return updated;
    } catch (error) {
      if (isOverlap(error))
        throw await conflict(
          refs,
          options.start ?? booking.startAt,
          [booking.specialistId],
          'Someone has just taken that time',
        );
      throw error;
    }
  }

  async function list(user: User, scope: BookingScope, range: { from?: Date; to?: Date } = {}) {
    const where = [];
    if (scope === 'all') {
      if (!isAdmin(user))
        throw new DomainError('forbidden', 'booking_forbidden', 'Only an admin sees every booking');
    } else if (scope === 'specialist') {
      const own = await specialistOf(db, user);
      if (!own) throw new DomainError('forbidden', 'booking_forbidden', 'You are not a specialist');
      where.push(eq(bookings.specialistId, own.id));
    } else {
      const [client] = await db.select().from(bookingClients).where(eq(bookingClients.userId, user.id));
      if (!client) return [];
      where.push(eq(bookings.clientId, client.id));
    }
    if (range.from) where.push(sql`${bookings.endAt} > ${range.from}`);
    if (range.to) where.push(sql`${bookings.startAt} < ${range.to}`);
    const rows = await db
      .select({
        booking: bookings,
        timezone: bookingLocations.timezone,
        clientName: bookingClients.name,
        givenName: bookingClients.givenName,
        noShows: bookingClients.noShowCount,
      })
      .from(bookings)
      .innerJoin(bookingLocations, eq(bookingLocations.id, bookings.locationId))
      .innerJoin(bookingClients, eq(bookingClients.id, bookings.clientId))
      .where(and(...where))
      .orderBy(asc(bookings.startAt))
      .limit(500);
    // A walk-in's own name is sealed, so it is chosen here rather than in SQL.
    return rows.map(({ givenName, ...r }) => ({ ...r, clientName: givenName ?? r.clientName }));
  }

  /** Free slots for a service at a location (one specialist, or "any" merged), with the location. */
  async function freeSlots(input: {
    serviceId: string;
    locationId: string;
    specialistId?: string | undefined;
    from: string;
    to: string;
  }) {
    const refs = offered(await loadRefs(db, input.serviceId, input.locationId));
    const specialistIds = await core.slots.candidates(
      db,
      input.serviceId,
      input.locationId,
      input.specialistId,
    );
    const slots = await core.slots.slots(db, {
      ...refs,
      specialistIds,
      from: input.from,
      to: input.to,
      merge: !input.specialistId,
    });
    return { ...refs, slots };
  }

  /** Specialists who offer the service at the location, in the order "any" tries them. */
  async function specialistsFor(serviceId: string, locationId: string) {
    const ids = await core.slots.candidates(db, serviceId, locationId);
    if (ids.length === 0) return [];
    const rows = await db.select().from(bookingSpecialists).where(inArray(bookingSpecialists.id, ids));
    return ids.flatMap((id) => rows.filter((r) => r.id === id));
  }

  return {
    create,
    act,
    list,
    freeSlots,
    specialistsFor,
    refs: (serviceId: string, locationId: string) => loadRefs(db, serviceId, locationId),
    get: (id: string) => getBooking(db, id),
    byIds: (ids: string[]) => db.select().from(bookings).where(inArray(bookings.id, ids)),
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
