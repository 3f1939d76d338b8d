import { DateTime } from 'luxon';

export interface SeededTask {
  createdAt: string;
  dueAt?: string;
  completedAt?: string;
}

/**
 * The figures worked out in plain JavaScript from the seeded list (luxon for local days), to check
 * the SQL against: a second, independent way to the same numbers.
 */
export function referenceFigures(
  list: SeededTask[],
  timezone: string,
  from: string,
  to: string,
  now: string,
) {
  const local = (iso: string) => DateTime.fromISO(iso, { zone: timezone });
  const start = DateTime.fromISO(from, { zone: timezone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timezone }).startOf('day').plus({ days: 1 });
  const inside = (iso?: string) => !!iso && local(iso) >= start && local(iso) < end;
  const completed = list.filter((t) => inside(t.completedAt));
  const due = list.filter((t) => inside(t.dueAt));
  const withDeadline = completed.filter((t) => t.dueAt);
  const late = withDeadline.filter(
    (t) => Date.parse(t.completedAt as string) > Date.parse(t.dueAt as string),
  );
  const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a * 100) / b));
  const perDay = new Map<string, number>();
  const hours = new Array<number>(24).fill(0);
  const weekdays = new Array<number>(7).fill(0);
  for (const t of completed) {
    const at = local(t.completedAt as string);
    perDay.set(at.toISODate() as string, (perDay.get(at.toISODate() as string) ?? 0) + 1);
    hours[at.hour] = (hours[at.hour] ?? 0) + 1;
    weekdays[at.weekday - 1] = (weekdays[at.weekday - 1] ?? 0) + 1;
  }
  const nowMs = Date.parse(now);
  const days = [
    ...new Set(
      list
        .filter((t) => t.completedAt && Date.parse(t.completedAt) <= nowMs)
        .map((t) => local(t.completedAt as string).toISODate()),
    ),
  ].sort() as string[];
  let best = 0;
  let run = 0;
  let prev: DateTime | null = null;
  for (const d of days) {
    const day = DateTime.fromISO(d);
    run = prev && day.diff(prev, 'days').days === 1 ? run + 1 : 1;
    best = Math.max(best, run);
    prev = day;
  }
  const today = local(now).startOf('day');
  const lastDay = prev ? DateTime.fromISO(prev.toISODate() as string, { zone: timezone }) : null;
  const current = lastDay && today.diff(lastDay, 'days').days <= 1 ? run : 0;
  return {
    tasks: {
      created: list.filter((t) => inside(t.createdAt)).length,
      completed: completed.length,
      due: due.length,
      dueDone: due.filter((t) => t.completedAt).length,
      completionRate: pct(due.filter((t) => t.completedAt).length, due.length),
      onTimeRate: pct(withDeadline.length - late.length, withDeadline.length),
      averageLatenessMinutes:
        late.length === 0
          ? null
          : Math.round(
              late.reduce(
                (s, t) => s + (Date.parse(t.completedAt as string) - Date.parse(t.dueAt as string)),
                0,
              ) /
                late.length /
                60_000,
            ),
      overdueNow: list.filter((t) => !t.completedAt && t.dueAt && Date.parse(t.dueAt) < nowMs).length,
    },
    perDay: [...perDay.entries()].sort().map(([date, n]) => ({ date, completed: n })),
    hours,
    weekdays,
    streaks: { current, best },
  };
}
