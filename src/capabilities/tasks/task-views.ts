import { DateTime } from 'luxon';
import type { TaskView } from './task-types.ts';

/** The half-open range [from, to) of deadlines a list view covers, in the user's timezone. */
export function viewRange(view: TaskView, timezone: string, now: Date): { from?: Date; to?: Date } {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const today = local.startOf('day');
  switch (view) {
    case 'today':
      return { from: today.toJSDate(), to: today.plus({ days: 1 }).toJSDate() };
    case 'upcoming':
      return { from: today.plus({ days: 1 }).toJSDate() };
    case 'overdue':
      return { to: now };
    case 'done':
      return {};
  }
}
