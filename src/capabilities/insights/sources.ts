import type { ServicesOf } from '../../platform/capability/service-needs.ts';
import type { User } from '../../platform/users/user-service.ts';
import { need } from '../capability.ts';

// What the calendar feed and the export read from other capabilities, as structural shapes of
// their services (insights never imports them). Each has a fallback: a build without the
// capability exports and shows nothing of it.

export interface TaskItem {
  id: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  priority: string;
  status: string;
  categoryId: string | null;
  courseId: string | null;
  topicId: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface TaskSource {
  list(
    userId: string,
    filter?: { limit?: number; cursor?: string; dueFrom?: Date; status?: string[] },
  ): Promise<{ items: TaskItem[]; nextCursor: string | null }>;
  courses: {
    listCategories(userId: string): Promise<Array<{ id: string; name: string; createdAt: Date }>>;
    list(userId: string): Promise<
      Array<{
        id: string;
        name: string;
        description: string | null;
        createdAt: Date;
        topics: Array<{ id: string; title: string; position: number; status: string }>;
      }>
    >;
  };
}

export interface ReminderItem {
  id: string;
  text: string;
  /** RRULE in the wall-clock time of `timezone`, without DTSTART; null for a one-off. */
  rrule: string | null;
  timezone: string;
  startsAt: Date;
  urgent: boolean;
  status: string;
  nextAt: Date | null;
  createdAt: Date;
}

export interface ReminderSource {
  list(
    userId: string,
    options?: { limit?: number; cursor?: string | null },
  ): Promise<{ items: ReminderItem[]; nextCursor: string | null }>;
  /** When reminders go off in [from, to) (repeats expanded; a snoozed one at its snoozed time). */
  inRange(
    userId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ id: string; text: string; at: Date; urgent: boolean; snoozed: boolean }>>;
}

export interface NoteSource {
  list(
    userId: string,
    filter: { limit?: number },
  ): Promise<
    Array<{
      id: string;
      topicId: string | null;
      status: string;
      kind: string;
      text: string;
      transcript: string | null;
      source: string | null;
      link: { url: string; title: string | null; description: string | null } | null;
      createdAt: Date;
    }>
  >;
}

export interface BookingSource {
  list(
    user: User,
    scope: 'client' | 'specialist',
    range?: { from?: Date; to?: Date },
  ): Promise<
    Array<{
      booking: {
        id: string;
        serviceId: string;
        locationId: string;
        startAt: Date;
        endAt: Date;
        status: string;
        createdAt: Date;
      };
      timezone: string;
      clientName?: string | null;
    }>
  >;
  refs(
    serviceId: string,
    locationId: string,
  ): Promise<{ service: { name: string }; location: { name: string; address?: string | null } }>;
}

export interface CompanionSource {
  profiles: {
    get(userId: string): Promise<{
      summary: string;
      interests: string[];
      goals: string[];
      preferredTimes: string;
      stage: string;
      stageChangedAt: Date | null;
      editedByUser: boolean;
      checkinsEnabled: boolean;
      refreshedAt: Date | null;
    }>;
  } | null;
}

const emptyPage = { items: [], nextCursor: null };

export const insightsNeeds = {
  tasks: need<TaskSource>('tasks', ['list'], {
    fallback: {
      list: async () => emptyPage,
      courses: { list: async () => [], listCategories: async () => [] },
    },
  }),
  reminders: need<ReminderSource>('reminders', ['list', 'inRange'], {
    fallback: { list: async () => emptyPage, inRange: async () => [] },
  }),
  notes: need<NoteSource>('notes', ['list'], { fallback: { list: async () => [] } }),
  booking: need<BookingSource>('booking', ['list', 'refs'], {
    fallback: {
      list: async () => [],
      refs: async () => ({ service: { name: '' }, location: { name: '' } }),
    },
  }),
  // Its service carries `profiles` (an object, so no method to check by name).
  companion: need<CompanionSource>('companion', [], { fallback: { profiles: null } }),
};

export type InsightsSources = ServicesOf<typeof insightsNeeds>;

/** Every page of a cursor-paged list, bounded (an export is large but not endless). */
export async function allPages<T>(
  page: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 100_000,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    out.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor && out.length < max);
  return out;
}
