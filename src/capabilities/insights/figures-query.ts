import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { CourseFigures, Figures, Period } from './insight-types.ts';

// Every figure is counted in SQL over the owners' read-only views (task_facts,
// reminder_occurrence_facts, course_topic_facts in migration 0018; note_facts and
// booking_client_facts in 0024) on (user_id, <time>) indexes;
// local days/hours come from `AT TIME ZONE`, so a DST change moves nothing into the wrong day.

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 100) / whole));
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

async function taskCounts(db: Db, userId: string, p: Period, now: Date) {
  const [r] = await rows(
    db,
    sql`SELECT
      count(*) FILTER (WHERE created_at >= ${ts(p.fromAt)} AND created_at < ${ts(p.toAt)})::int AS created,
      count(*) FILTER (WHERE status = 'done' AND completed_at >= ${ts(p.fromAt)} AND completed_at < ${ts(p.toAt)})::int AS completed,
      count(*) FILTER (WHERE status <> 'cancelled' AND due_at >= ${ts(p.fromAt)} AND due_at < ${ts(p.toAt)})::int AS due,
      count(*) FILTER (WHERE status = 'done' AND due_at >= ${ts(p.fromAt)} AND due_at < ${ts(p.toAt)})::int AS due_done,
      count(*) FILTER (WHERE status = 'done' AND due_at IS NOT NULL AND completed_at >= ${ts(p.fromAt)} AND completed_at < ${ts(p.toAt)})::int AS with_deadline,
      count(*) FILTER (WHERE status = 'done' AND completed_at <= due_at AND completed_at >= ${ts(p.fromAt)} AND completed_at < ${ts(p.toAt)})::int AS on_time,
      avg(extract(epoch FROM completed_at - due_at) / 60) FILTER (WHERE status = 'done' AND completed_at > due_at AND completed_at >= ${ts(p.fromAt)} AND completed_at < ${ts(p.toAt)}) AS lateness,
      count(*) FILTER (WHERE status IN ('todo', 'in_progress') AND due_at < ${ts(now)})::int AS overdue
    FROM task_facts WHERE user_id = ${userId}::uuid`,
  );
  const r0 = r ?? {};
  const lateness = r0.lateness === null || r0.lateness === undefined ? null : Math.round(Number(r0.lateness));
  return {
    created: num(r0.created),
    completed: num(r0.completed),
    due: num(r0.due),
    dueDone: num(r0.due_done),
    completionRate: percent(num(r0.due_done), num(r0.due)),
    onTimeRate: percent(num(r0.on_time), num(r0.with_deadline)),
    averageLatenessMinutes: lateness,
    overdueNow: num(r0.overdue),
  };
}

/** Completions by local date, hour and ISO weekday within the period. */
async function completionShape(db: Db, userId: string, p: Period) {
  const local = sql`(completed_at AT TIME ZONE ${p.timezone})`;
  const found = await rows(
    db,
    sql`SELECT to_char(${local}, 'YYYY-MM-DD') AS day, extract(hour FROM ${local})::int AS hour,
               extract(isodow FROM ${local})::int AS dow, count(*)::int AS n
          FROM task_facts
         WHERE user_id = ${userId}::uuid AND status = 'done'
           AND completed_at >= ${ts(p.fromAt)} AND completed_at < ${ts(p.toAt)}
         GROUP BY 1, 2, 3`,
  );
  const byDay = new Map<string, number>();
  const hours = new Array<number>(24).fill(0);
  const weekdays = new Array<number>(7).fill(0);
  for (const r of found) {
    const n = num(r.n);
    byDay.set(String(r.day), (byDay.get(String(r.day)) ?? 0) + n);
    hours[num(r.hour)] = (hours[num(r.hour)] ?? 0) + n;
    weekdays[num(r.dow) - 1] = (weekdays[num(r.dow) - 1] ?? 0) + n;
  }
  const best = (list: number[]) => {
    const max = Math.max(...list);
    return max === 0 ? null : list.indexOf(max);
  };
  const bestDow = best(weekdays);
  return {
    perDay: p.days.map((date) => ({ date, completed: byDay.get(date) ?? 0 })),
    hours,
    weekdays,
    bestHour: best(hours),
    bestWeekday: bestDow === null ? null : bestDow + 1,
  };
}

/** Runs of consecutive local days with a completion (gaps and islands), up to now. */
async function streaks(db: Db, userId: string, timezone: string, now: Date) {
  const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate() as string;
  const [r] = await rows(
    db,
    sql`WITH d AS (
          SELECT DISTINCT (completed_at AT TIME ZONE ${timezone})::date AS day FROM task_facts
           WHERE user_id = ${userId}::uuid AND status = 'done' AND completed_at <= ${ts(now)}),
        runs AS (
          SELECT max(day) AS last, count(*)::int AS len
            FROM (SELECT day, day - (row_number() OVER (ORDER BY day))::int AS grp FROM d) g
           GROUP BY grp)
        SELECT coalesce(max(len), 0)::int AS best,
               coalesce(max(len) FILTER (WHERE last >= ${today}::date - 1), 0)::int AS current
          FROM runs`,
  );
  return { current: num(r?.current), best: num(r?.best) };
}

async function reminderCounts(db: Db, userId: string, p: Period) {
  const [r] = await rows(
    db,
    sql`SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
               count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
               count(*) FILTER (WHERE fire_at > due_at AND status <> 'cancelled')::int AS snoozed
          FROM reminder_occurrence_facts
         WHERE user_id = ${userId}::uuid AND due_at >= ${ts(p.fromAt)} AND due_at < ${ts(p.toAt)}`,
  );
  return { done: num(r?.done), skipped: num(r?.skipped), snoozed: num(r?.snoozed) };
}

async function courseFigures(db: Db, userId: string, p: Period, now: Date): Promise<CourseFigures[]> {
  const paceFrom = new Date(now.getTime() - 28 * 86_400_000);
  const learned = sql`topic_status = 'learned'`;
  const found = await rows(
    db,
    sql`SELECT course_id, course_name AS name, count(topic_id)::int AS topics,
               count(*) FILTER (WHERE ${learned})::int AS learned,
               count(*) FILTER (WHERE ${learned} AND topic_updated_at >= ${ts(p.fromAt)} AND topic_updated_at < ${ts(p.toAt)})::int AS in_period,
               count(*) FILTER (WHERE ${learned} AND topic_updated_at > ${ts(paceFrom)} AND topic_updated_at <= ${ts(now)})::int AS recent
          FROM course_topic_facts WHERE user_id = ${userId}::uuid
         GROUP BY course_id, course_name ORDER BY course_name`,
  );
  const today = DateTime.fromJSDate(now, { zone: p.timezone }).startOf('day');
  return found.map((r) => {
    const remaining = num(r.topics) - num(r.learned);
    const perDay = num(r.recent) / 28;
    return {
      courseId: String(r.course_id),
      name: String(r.name),
      topics: num(r.topics),
      learned: num(r.learned),
      learnedInPeriod: num(r.in_period),
      pacePerWeek: Math.round(perDay * 7 * 10) / 10,
      projectedFinish:
        remaining > 0 && perDay > 0
          ? (today.plus({ days: Math.ceil(remaining / perDay) }).toISODate() as string)
          : null,
    };
  });
}

async function noteFigures(db: Db, userId: string, p: Period) {
  const found = await rows(
    db,
    sql`SELECT coalesce(topic_name, '') AS topic, count(*)::int AS n
          FROM note_facts
         WHERE user_id = ${userId}::uuid AND status = 'filed'
           AND created_at >= ${ts(p.fromAt)} AND created_at < ${ts(p.toAt)}
         GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const perTopic = found.map((r) => ({ topic: String(r.topic), filed: num(r.n) }));
  return { filed: perTopic.reduce((n, t) => n + t.filed, 0), perTopic };
}

async function bookingFigures(db: Db, userId: string, p: Period) {
  const [r] = await rows(
    db,
    sql`SELECT count(*) FILTER (WHERE status = 'done')::int AS kept,
               count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
               count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
               count(*) FILTER (WHERE status IN ('pending', 'confirmed'))::int AS upcoming
          FROM booking_client_facts
         WHERE user_id = ${userId}::uuid AND start_at >= ${ts(p.fromAt)} AND start_at < ${ts(p.toAt)}`,
  );
  return {
    kept: num(r?.kept),
    noShows: num(r?.no_shows),
    cancelled: num(r?.cancelled),
    upcoming: num(r?.upcoming),
  };
}

/** The figures of one user's period. */
export async function computeFigures(db: Db, userId: string, period: Period, now: Date): Promise<Figures> {
  const [tasks, shape, streak, reminders, courses, notes, bookings] = await Promise.all([
    taskCounts(db, userId, period, now),
    completionShape(db, userId, period),
    streaks(db, userId, period.timezone, now),
    reminderCounts(db, userId, period),
    courseFigures(db, userId, period, now),
    noteFigures(db, userId, period),
    bookingFigures(db, userId, period),
  ]);
  const { kind, from, to, timezone } = period;
  return {
    period: { kind, from, to, timezone },
    tasks,
    streaks: streak,
    ...shape,
    reminders,
    courses,
    notes,
    bookings,
  };
}
