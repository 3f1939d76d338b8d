import { describe, expect, it } from 'vitest';
import { statusForNew } from '../booking-core.ts';
import { type BookingAction, pickRole, planTransition } from '../booking-state.ts';
import type { ActorRole, BookingStatus, InitiatorRole, ServiceRow } from '../booking-tables.ts';
import { recipientsOf } from '../notices/notice-matrix.ts';

const now = new Date('2026-06-01T08:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const plan = (action: BookingAction, status: BookingStatus, role: InitiatorRole, startAt = inHours(24)) => {
  try {
    return planTransition({ action, status, role, startAt, now, cutoffMinutes: 120 });
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('state machine', () => {
  it.each([
    ['confirm', 'pending', 'admin', 'confirmed'],
    ['confirm', 'pending', 'specialist', 'confirmed'],
    ['confirm', 'pending', 'client', 'booking_forbidden'],
    ['confirm', 'confirmed', 'admin', 'booking_status_conflict'],
    ['decline', 'pending', 'admin', 'cancelled'],
    ['cancel', 'confirmed', 'client', 'cancelled'],
    ['cancel', 'done', 'admin', 'booking_status_conflict'],
    ['reschedule', 'confirmed', 'client', 'confirmed'],
    ['complete', 'confirmed', 'specialist', 'booking_not_started'],
    ['expire', 'pending', 'system', 'cancelled'],
    ['expire', 'pending', 'admin', 'booking_forbidden'],
  ] as const)('%s a %s booking as %s → %s', (action, status, role, expected) => {
    expect(plan(action, status, role)).toBe(expected);
  });

  it('clients meet the cut-off; staff do not', () => {
    expect(plan('cancel', 'confirmed', 'client', inHours(1))).toBe('booking_cutoff_passed');
    expect(plan('reschedule', 'confirmed', 'client', inHours(1))).toBe('booking_cutoff_passed');
    expect(plan('cancel', 'confirmed', 'admin', inHours(1))).toBe('cancelled');
    expect(plan('no_show', 'confirmed', 'admin', inHours(-1))).toBe('no_show');
  });

  it('acts in the strongest role the person holds that may act', () => {
    expect(pickRole(['client', 'admin'] as ActorRole[], 'cancel')).toBe('admin');
    expect(pickRole(['client', 'specialist'] as ActorRole[], 'confirm')).toBe('specialist');
    expect(() => pickRole(['client'], 'complete')).toThrow(/may not complete/);
  });
});

describe('new booking status', () => {
  const service = { requiresConfirmation: 'never', confirmationNoticeMinutes: 1440 } as ServiceRow;
  it('confirmation rule, notice threshold and the two-no-shows rule', () => {
    expect(statusForNew(service, inHours(48), now, 0, 2)).toBe('confirmed');
    expect(statusForNew({ ...service, requiresConfirmation: 'always' }, inHours(48), now, 0, 2)).toBe(
      'pending',
    );
    expect(statusForNew({ ...service, requiresConfirmation: 'below_notice' }, inHours(3), now, 0, 2)).toBe(
      'pending',
    );
    expect(statusForNew({ ...service, requiresConfirmation: 'below_notice' }, inHours(48), now, 0, 2)).toBe(
      'confirmed',
    );
    expect(statusForNew(service, inHours(48), now, 2, 2)).toBe('pending');
    expect(statusForNew(service, inHours(48), now, 5, null)).toBe('confirmed');
  });
});

describe('notification matrix (seed 003)', () => {
  const row = (event: Parameters<typeof recipientsOf>[0], by: InitiatorRole) =>
    Object.fromEntries(recipientsOf(event, by).map((r) => [r.role, r.message]));
  it('matches the seed table cell by cell', () => {
    expect(row('booking_created', 'client')).toEqual({
      client: 'confirmation',
      specialist: 'new',
      admin: 'new',
    });
    expect(row('booking_created', 'admin')).toEqual({ client: 'created-for-you', specialist: 'new' });
    expect(row('booking_cancelled', 'client')).toEqual({ specialist: 'cancelled', admin: 'cancelled' });
    expect(row('booking_cancelled', 'admin')).toEqual({ client: 'your-cancelled', specialist: 'cancelled' });
    expect(row('booking_cancelled', 'specialist')).toEqual({ client: 'your-cancelled', admin: 'cancelled' });
    expect(row('booking_rescheduled', 'admin')).toEqual({ client: 'moved', specialist: 'moved' });
    expect(row('booking_done', 'system')).toEqual({ admin: 'card' });
  });
});
