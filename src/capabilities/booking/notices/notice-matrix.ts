import type { ActorRole, InitiatorRole } from '../booking-tables.ts';

// The seed's notification matrix (SPEC 2.4), as data. A recipient never hears of their own action,
// with the one exception the matrix itself makes: a client who books gets a confirmation.
// Rows the seed leaves out (a specialist creating, a client rescheduling, confirmations, expiry)
// follow the same rule: everyone else involved is told.

export const NOTICE_EVENTS = [
  'booking_created',
  'booking_cancelled',
  'booking_rescheduled',
  'booking_confirmed',
  'booking_declined',
  'booking_expired',
  'booking_done',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** Fluent key suffix per recipient: what they are told. */
type Row = Partial<Record<ActorRole, string>>;

const MATRIX: Record<NoticeEvent, Partial<Record<InitiatorRole, Row>>> = {
  booking_created: {
    client: { client: 'confirmation', specialist: 'new', admin: 'new' },
    admin: { client: 'created-for-you', specialist: 'new' },
    specialist: { client: 'created-for-you', admin: 'new' },
  },
  booking_cancelled: {
    client: { specialist: 'cancelled', admin: 'cancelled' },
    admin: { client: 'your-cancelled', specialist: 'cancelled' },
    specialist: { client: 'your-cancelled', admin: 'cancelled' },
  },
  booking_rescheduled: {
    admin: { client: 'moved', specialist: 'moved' },
    client: { specialist: 'moved', admin: 'moved' },
    specialist: { client: 'moved', admin: 'moved' },
  },
  booking_confirmed: {
    admin: { client: 'confirmed', specialist: 'confirmed' },
    specialist: { client: 'confirmed', admin: 'confirmed' },
  },
  booking_declined: {
    admin: { client: 'declined', specialist: 'declined' },
    specialist: { client: 'declined', admin: 'declined' },
  },
  booking_expired: { system: { client: 'expired', specialist: 'expired', admin: 'expired' } },
  booking_done: { system: { admin: 'card' } },
};

/** Who is told of `event` started by `initiator`, and which message each gets. */
export function recipientsOf(
  event: NoticeEvent,
  initiator: InitiatorRole,
): Array<{ role: ActorRole; message: string }> {
  const row = MATRIX[event][initiator] ?? {};
  return (['client', 'specialist', 'admin'] as const).flatMap((role) => {
    const message = row[role];
    return message ? [{ role, message }] : [];
  });
}

/** Everyone the matrix may tell of `event`, whoever starts it (the cells a setting can switch). */
export function rolesTold(event: NoticeEvent): ActorRole[] {
  const rows = Object.values(MATRIX[event]);
  return (['client', 'specialist', 'admin'] as const).filter((role) => rows.some((row) => row?.[role]));
}
