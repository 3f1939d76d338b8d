import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { User } from '../../../platform/users/user-service.ts';
import type { T } from '../insights-texts.ts';
import type { InsightsSources } from '../sources.ts';
import { allPages } from '../sources.ts';
import { vtimezone } from './vtimezone.ts';

const DAY = 86_400_000;
/** How far back the feed reaches: calendars keep what they saw, so old items add only weight. */
const HISTORY_DAYS = 90;
const MAX_TASKS = 2000;

/** The stored rule as one RRULE value: no line breaks can smuggle in other properties. */
/** A moment in a zone: ical-generator writes a plain Date's wall clock in the process's zone, a luxon one in its own. */
const at = (moment: Date, zone: string) => DateTime.fromJSDate(moment, { zone });
const ruleValue = (rrule: string) => rrule.replace(/^RRULE:/i, '').replace(/[\r\n]+/g, '');

/**
 * The user's iCalendar (RFC 5545): tasks with deadlines as events at the deadline (what Google,
 * Apple and Outlook subscriptions show; VTODO is ignored by most), reminders — recurring ones as
 * one event with the stored RRULE, read in the reminder's timezone so DST keeps its wall clock —
 * and confirmed bookings as a client. Every TZID has its VTIMEZONE. Stable UIDs, so clients update events instead of duplicating.
 */
export async function buildCalendar(input: {
  user: User;
  sources: InsightsSources;
  now: Date;
  t: T;
}): Promise<string> {
  const { user, sources, now, t } = input;
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const cal = ical({
    name: t('insights-calendar-name'),
    prodId: { company: 'secretary', product: 'secretary', language: user.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // The generator adds a VTIMEZONE for the calendar's zone and for every TZID an event uses.
    timezone: { name: user.timezone, generator: (zone) => vtimezone(zone, now) },
    ttl: 60 * 60,
  });

  const tasks = await allPages(
    (cursor) =>
      sources.tasks.list(user.id, {
        limit: 100,
        dueFrom: since,
        status: ['todo', 'in_progress', 'done'],
        ...(cursor ? { cursor } : {}),
      }),
    MAX_TASKS,
  );
  for (const task of tasks) {
    if (!task.dueAt) continue;
    cal.createEvent({
      id: `task-${task.id}@secretary`,
      start: at(task.dueAt, user.timezone),
      timezone: user.timezone,
      stamp: at(now, 'UTC'),
      summary: task.status === 'done' ? `✓ ${task.title}` : task.title,
      ...(task.description ? { description: task.description } : {}),
      categories: [{ name: t('insights-calendar-task') }],
    });
  }

  const reminders = await allPages((cursor) => sources.reminders.list(user.id, { limit: 100, cursor }));
  for (const reminder of reminders) {
    const recurring = reminder.rrule !== null;
    if (recurring ? reminder.status !== 'active' : reminder.status === 'paused') continue;
    if (!recurring && reminder.startsAt < since) continue;
    cal.createEvent({
      id: `reminder-${reminder.id}@secretary`,
      start: at(reminder.startsAt, reminder.timezone),
      timezone: reminder.timezone,
      stamp: at(now, 'UTC'),
      summary: reminder.text,
      ...(reminder.rrule ? { repeating: ruleValue(reminder.rrule) } : {}),
      categories: [{ name: t('insights-calendar-reminder') }],
    });
  }

  for (const { booking, timezone } of await sources.booking.list(user, 'client')) {
    if (booking.status !== 'confirmed' || booking.endAt < since) continue;
    const refs = await sources.booking.refs(booking.serviceId, booking.locationId);
    cal.createEvent({
      id: `booking-${booking.id}@secretary`,
      start: at(booking.startAt, timezone),
      end: at(booking.endAt, timezone),
      timezone,
      stamp: at(now, 'UTC'),
      summary: refs.service.name,
      location: refs.location.name,
      categories: [{ name: t('insights-calendar-booking') }],
    });
  }
  return cal.toString();
}
