import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { User } from '../../../platform/users/user-service.ts';
import { isAdmin } from '../booking-people.ts';

// Route-level access for booking: setup is admin-only; per-booking rights are decided by the state
// machine with the caller's roles toward that booking. Platform v2's per-route access replaces this.

export function requireAdmin(user: User): void {
  if (!isAdmin(user))
    throw new DomainError('forbidden', 'booking_admin_only', 'Only an admin can change the booking setup');
}
