import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ActorRole, BookingStatus, InitiatorRole } from './booking-tables.ts';

// The state machine, as data: which action moves a booking from which status to which, and who
// may take it. The service asks `planTransition` before it writes anything.

export type BookingAction =
  | 'confirm'
  | 'decline'
  | 'cancel'
  | 'reschedule'
  | 'complete'
  | 'no_show'
  | 'expire';

interface Rule {
  from: readonly BookingStatus[];
  /** null: the status stays (reschedule). */
  to: BookingStatus | null;
  who: readonly InitiatorRole[];
  /** Clients must act this many minutes before the start (the service's cut-off). */
  clientCutoff?: boolean;
  /** Only once the visit has started. */
  afterStart?: boolean;
}

const RULES: Record<BookingAction, Rule> = {
  confirm: { from: ['pending'], to: 'confirmed', who: ['admin', 'specialist'] },
  decline: { from: ['pending'], to: 'cancelled', who: ['admin', 'specialist'] },
  cancel: {
    from: ['pending', 'confirmed'],
    to: 'cancelled',
    who: ['client', 'specialist', 'admin'],
    clientCutoff: true,
  },
  reschedule: {
    from: ['pending', 'confirmed'],
    to: null,
    who: ['client', 'specialist', 'admin'],
    clientCutoff: true,
  },
  complete: { from: ['pending', 'confirmed'], to: 'done', who: ['admin', 'specialist'], afterStart: true },
  no_show: { from: ['pending', 'confirmed'], to: 'no_show', who: ['admin', 'specialist'], afterStart: true },
  expire: { from: ['pending'], to: 'cancelled', who: ['system'] },
};

/**
 * The role an actor acts in for this booking: the strongest they hold (admin over specialist over
 * client), or a 403 when they are none of them.
 */
export function pickRole(held: readonly ActorRole[], action: BookingAction): ActorRole {
  const allowed = RULES[action].who;
  const role = (['admin', 'specialist', 'client'] as const).find(
    (r) => held.includes(r) && allowed.includes(r),
  );
  if (!role) {
    throw new DomainError(
      'forbidden',
      'booking_forbidden',
      `You may not ${action.replace('_', '-')} this booking`,
    );
  }
  return role;
}

/** Checks the move; returns the status after it. Throws a coded 409 when the status or the time forbids it. */
export function planTransition(input: {
  action: BookingAction;
  status: BookingStatus;
  role: InitiatorRole;
  startAt: Date;
  now: Date;
  cutoffMinutes: number;
}): BookingStatus {
  const rule = RULES[input.action];
  if (!rule.who.includes(input.role)) {
    throw new DomainError(
      'forbidden',
      'booking_forbidden',
      `A ${input.role} may not ${input.action} a booking`,
    );
  }
  if (!rule.from.includes(input.status)) {
    throw new DomainError(
      'conflict',
      'booking_status_conflict',
      `A ${input.status} booking cannot be changed that way`,
      {
        status: input.status,
      },
    );
  }
  if (rule.afterStart && input.now < input.startAt) {
    throw new DomainError('conflict', 'booking_not_started', 'The visit has not started yet');
  }
  if (rule.clientCutoff && input.role === 'client') {
    const deadline = input.startAt.getTime() - input.cutoffMinutes * 60_000;
    if (input.now.getTime() > deadline) {
      throw new DomainError(
        'conflict',
        'booking_cutoff_passed',
        'It is too late to change this booking; contact the business',
        {
          cutoff_minutes: input.cutoffMinutes,
        },
      );
    }
  }
  return rule.to ?? input.status;
}
