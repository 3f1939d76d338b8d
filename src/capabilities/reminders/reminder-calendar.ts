import { occurrencesBetween } from './reminder-schedule.ts';
import type { UpcomingReminder } from './reminder-types.ts';

/** One time a reminder will go off, as a calendar shows it. */
export interface ReminderMoment {
  id: string;
  text: string;
  at: Date;
  urgent: boolean;
  /** A snoozed occurrence (or one waiting out quiet hours), apart from its series. */
  snoozed: boolean;
}

/** Enough for a 62-day month view of an hourly reminder and then some; a calendar needs no more. */
const MAX_MOMENTS = 2000;

/**
 * When the person's reminders go off in [from, to): a snoozed occurrence at its snoozed time, a
 * one-off at its due time, a repeating one at each occurrence from its next due time on (what
 * already went off is history, not the calendar's). Paused reminders do not go off.
 */
export function remindersInRange(list: readonly UpcomingReminder[], from: Date, to: Date): ReminderMoment[] {
  const inRange = (d: Date) => d.getTime() >= from.getTime() && d.getTime() < to.getTime();
  const moments: ReminderMoment[] = [];
  for (const r of list) {
    const moment = (at: Date, snoozed: boolean) => ({
      id: r.id,
      text: r.text,
      at,
      urgent: r.urgent,
      snoozed,
    });
    if (r.snoozedUntil && inRange(r.snoozedUntil)) moments.push(moment(r.snoozedUntil, true));
    if (r.status !== 'active' || !r.nextAt) continue;
    if (!r.rrule) {
      if (inRange(r.nextAt)) moments.push(moment(r.nextAt, false));
      continue;
    }
    const start = r.nextAt.getTime() > from.getTime() ? r.nextAt : from;
    for (const at of occurrencesBetween(r, start, to, MAX_MOMENTS)) moments.push(moment(at, false));
  }
  return moments.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, MAX_MOMENTS);
}
