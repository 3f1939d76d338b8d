import type { User } from '../../../platform/users/user-service.ts';
import { allPages, type InsightsSources } from '../sources.ts';

/** The longest window `GET /api/v1/calendar/items` answers (a month view with its edge weeks). */
export const MAX_CALENDAR_DAYS = 62;
const MAX_TASKS = 2000;

/** One thing on the person's calendar; `kind` + `id` name what opens when it is tapped. */
export interface CalendarItem {
  kind: 'task' | 'reminder' | 'booking';
  id: string;
  title: string;
  start: Date;
  end: Date | null;
  /** task: todo/in_progress/done; reminder: scheduled/snoozed; booking: its status. */
  status: string;
  /** A booking: whether the person is its client or its specialist. */
  role?: 'client' | 'specialist';
  /** A booking: where it is. */
  location?: string;
}

/**
 * What the person has in [from, to): tasks due then, every time a reminder goes off (repeats
 * expanded, a snoozed one at its snoozed time) and bookings, as a client and as a specialist;
 * by start time. Read through the other capabilities' services (insights never imports them).
 */
export async function calendarItems(
  sources: InsightsSources,
  user: User,
  from: Date,
  to: Date,
): Promise<CalendarItem[]> {
  const inRange = (d: Date) => d.getTime() >= from.getTime() && d.getTime() < to.getTime();
  const tasks = await allPages(
    (cursor) =>
      sources.tasks.list(user.id, {
        limit: 100,
        dueFrom: from,
        status: ['todo', 'in_progress', 'done'],
        ...(cursor ? { cursor } : {}),
      }),
    MAX_TASKS,
  );
  const items: CalendarItem[] = tasks.flatMap((task) =>
    task.dueAt && inRange(task.dueAt)
      ? [
          {
            kind: 'task' as const,
            id: task.id,
            title: task.title,
            start: task.dueAt,
            end: null,
            status: task.status,
          },
        ]
      : [],
  );
  for (const moment of await sources.reminders.inRange(user.id, from, to))
    items.push({
      kind: 'reminder',
      id: moment.id,
      title: moment.text,
      start: moment.at,
      end: null,
      status: moment.snoozed ? 'snoozed' : 'scheduled',
    });
  const scopes = user.roles.includes('specialist')
    ? (['client', 'specialist'] as const)
    : (['client'] as const);
  for (const role of scopes) {
    for (const row of await sources.booking.list(user, role, { from, to })) {
      const { booking } = row;
      if (booking.status === 'cancelled' || booking.status === 'declined') continue;
      const refs = await sources.booking.refs(booking.serviceId, booking.locationId);
      const client = role === 'specialist' ? (row.clientName ?? null) : null;
      items.push({
        kind: 'booking',
        id: booking.id,
        title: client ? `${refs.service.name} · ${client}` : refs.service.name,
        start: booking.startAt,
        end: booking.endAt,
        status: booking.status,
        role,
        location: refs.location.name,
      });
    }
  }
  return items.sort((a, b) => a.start.getTime() - b.start.getTime());
}
