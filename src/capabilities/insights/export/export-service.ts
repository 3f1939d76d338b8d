import type { SettingsReader } from '../../../platform/capability/settings.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { User, UserService } from '../../../platform/users/user-service.ts';
import { allPages, type InsightsSources, type TaskItem } from '../sources.ts';

/** Bumped when a field changes meaning or goes away (adding fields keeps it); see docs/export-format.md. */
export const EXPORT_VERSION = 1;
const NOTES_LIMIT = 100_000;

export interface ExportService {
  /** Everything the user has, as one JSON document in pieces (stream them; join them for a file). */
  json(userId: string): AsyncGenerator<string>;
  /** The user's tasks as CSV (RFC 4180), a header line first. */
  csv(userId: string): AsyncGenerator<string>;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const taskJson = (t: TaskItem) => ({
  id: t.id,
  title: t.title,
  description: t.description,
  status: t.status,
  priority: t.priority,
  due_at: iso(t.dueAt),
  category_id: t.categoryId,
  course_id: t.courseId,
  topic_id: t.topicId,
  created_at: iso(t.createdAt),
  updated_at: iso(t.updatedAt),
  completed_at: iso(t.completedAt),
});

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a quote, comma or line break; quotes doubled. A field that
 * starts like a formula gets a leading `'` (OWASP's convention): a task titled `=HYPERLINK(…)`
 * opens as that text, not as a live link, and the file stays plain RFC 4180.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'due_at',
  'completed_at',
  'created_at',
  'category',
  'course',
] as const;

export function createExportService(deps: {
  users: UserService;
  settings: SettingsReader;
  sources: InsightsSources;
  now: () => Date;
}): ExportService {
  const { sources } = deps;
  const userOf = async (userId: string): Promise<User> => {
    const user = await deps.users.getById(userId);
    if (!user) throw new DomainError('not_found', 'user_not_found', 'No such user');
    return user;
  };
  const taskPages = (userId: string) => ({
    async *[Symbol.asyncIterator]() {
      let cursor: string | null = null;
      do {
        const page = await sources.tasks.list(userId, { limit: 100, ...(cursor ? { cursor } : {}) });
        yield page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },
  });

  async function* section(name: string, value: unknown) {
    yield `,\n${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  }

  return {
    async *json(userId) {
      const user = await userOf(userId);
      const head = {
        format: 'secretary-export',
        version: EXPORT_VERSION,
        exported_at: deps.now().toISOString(),
        user: {
          id: user.id,
          telegram_id: user.telegramId,
          first_name: user.firstName,
          last_name: user.lastName,
          username: user.username,
          language: user.language,
          timezone: user.timezone,
          quiet_hours:
            user.quietHoursStart && user.quietHoursEnd
              ? { start: user.quietHoursStart.slice(0, 5), end: user.quietHoursEnd.slice(0, 5) }
              : null,
          notifications_enabled: user.notificationsEnabled,
          created_at: iso(user.createdAt),
        },
      };
      yield JSON.stringify(head).slice(0, -1);
      const settings = Object.fromEntries(
        (await deps.settings.all(userId)).map((s) => [s.definition.key, s.value]),
      );
      yield* section('settings', settings);
      // Tasks go out page by page: the largest list is never held whole.
      yield ',\n"tasks": [';
      let first = true;
      for await (const items of taskPages(userId))
        for (const task of items) {
          yield `${first ? '\n' : ',\n'}${JSON.stringify(taskJson(task))}`;
          first = false;
        }
      yield '\n]';
      const categories = await sources.tasks.courses.listCategories(userId);
      yield* section(
        'categories',
        categories.map((c) => ({ id: c.id, name: c.name, created_at: iso(c.createdAt) })),
      );
      const courses = await sources.tasks.courses.list(userId);
      yield* section(
        'courses',
        courses.map((c) => ({
          id: c.id,
          name: c.name,
          description: c.description,
          created_at: iso(c.createdAt),
          topics: c.topics.map((t) => ({ id: t.id, title: t.title, position: t.position, status: t.status })),
        })),
      );
      const reminders = await allPages((cursor) => sources.reminders.list(userId, { limit: 100, cursor }));
      yield* section(
        'reminders',
        reminders.map((r) => ({
          id: r.id,
          text: r.text,
          rrule: r.rrule,
          timezone: r.timezone,
          starts_at: iso(r.startsAt),
          next_at: iso(r.nextAt),
          urgent: r.urgent,
          status: r.status,
          created_at: iso(r.createdAt),
        })),
      );
      const notes = await sources.notes.list(userId, { limit: NOTES_LIMIT });
      yield* section(
        'notes',
        notes.map((n) => ({
          id: n.id,
          topic_id: n.topicId,
          status: n.status,
          kind: n.kind,
          text: n.text,
          transcript: n.transcript,
          source: n.source,
          link: n.link ? { url: n.link.url, title: n.link.title, description: n.link.description } : null,
          created_at: iso(n.createdAt),
        })),
      );
      const bookings = [];
      for (const { booking, timezone } of await sources.booking.list(user, 'client')) {
        const refs = await sources.booking.refs(booking.serviceId, booking.locationId);
        bookings.push({
          id: booking.id,
          service: refs.service.name,
          location: refs.location.name,
          timezone,
          start: iso(booking.startAt),
          end: iso(booking.endAt),
          status: booking.status,
          created_at: iso(booking.createdAt),
        });
      }
      yield* section('bookings', bookings);
      const profile = sources.companion.profiles ? await sources.companion.profiles.get(userId) : null;
      yield* section(
        'companion_profile',
        profile && {
          summary: profile.summary,
          interests: profile.interests,
          goals: profile.goals,
          preferred_times: profile.preferredTimes,
          stage: profile.stage,
          stage_changed_at: iso(profile.stageChangedAt),
          edited_by_user: profile.editedByUser,
          checkins_enabled: profile.checkinsEnabled,
          refreshed_at: iso(profile.refreshedAt),
        },
      );
      yield '\n}\n';
    },

    async *csv(userId) {
      await userOf(userId);
      const categories = new Map(
        (await sources.tasks.courses.listCategories(userId)).map((c) => [c.id, c.name]),
      );
      const courses = new Map((await sources.tasks.courses.list(userId)).map((c) => [c.id, c.name]));
      yield `${CSV_COLUMNS.join(',')}\r\n`;
      for await (const items of taskPages(userId)) {
        let chunk = '';
        for (const t of items) {
          const row = [
            t.id,
            t.title,
            t.description,
            t.status,
            t.priority,
            iso(t.dueAt),
            iso(t.completedAt),
            iso(t.createdAt),
            t.categoryId ? (categories.get(t.categoryId) ?? null) : null,
            t.courseId ? (courses.get(t.courseId) ?? null) : null,
          ];
          chunk += `${row.map(csvField).join(',')}\r\n`;
        }
        if (chunk) yield chunk;
      }
    },
  };
}
