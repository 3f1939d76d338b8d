import { DateTime } from 'luxon';
import type { ChartLabels } from './chart.ts';
import type { Figures } from './insight-types.ts';

/** A Fluent lookup in a language (the bot's `ctx.t` bound, or the i18n instance for jobs and HTTP). */
export type T = (key: string, vars?: Record<string, string | number>) => string;
export type ChartLabelsFor = (language: string, figures: Figures) => ChartLabels;

export const INSIGHTS_LOCALES_DIR = new URL('./locales', import.meta.url).pathname;

const dayMonth = (iso: string, language: string) =>
  DateTime.fromISO(iso).setLocale(language).toFormat('d MMM');
const weekdayName = (isoWeekday: number, language: string) =>
  DateTime.fromObject({ weekday: isoWeekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 })
    .setLocale(language)
    .toFormat('cccc');

export function chartLabels(t: T, language: string, f: Figures): ChartLabels {
  const range = { from: dayMonth(f.period.from, language), to: dayMonth(f.period.to, language) };
  return {
    title: t('insights-chart-title', range),
    perDay: t('insights-chart-per-day'),
    hours: t('insights-chart-hours'),
    courses: t('insights-chart-courses'),
  };
}

/** The short text of /stats and of the weekly report. */
export function summaryText(t: T, language: string, f: Figures): string {
  const lines = [
    t('insights-title', { from: dayMonth(f.period.from, language), to: dayMonth(f.period.to, language) }),
  ];
  const { tasks, streaks, reminders } = f;
  lines.push(t('insights-line-tasks', { completed: tasks.completed, created: tasks.created }));
  if (tasks.completionRate !== null)
    lines.push(
      t('insights-line-rate', { dueDone: tasks.dueDone, due: tasks.due, rate: tasks.completionRate }),
    );
  if (tasks.onTimeRate !== null)
    lines.push(
      t('insights-line-on-time', { rate: tasks.onTimeRate, late: tasks.averageLatenessMinutes ?? 'none' }),
    );
  if (tasks.overdueNow > 0) lines.push(t('insights-line-overdue', { n: tasks.overdueNow }));
  lines.push(t('insights-line-streak', streaks));
  if (f.bestWeekday !== null && f.bestHour !== null)
    lines.push(
      t('insights-line-best-time', { weekday: weekdayName(f.bestWeekday, language), hour: f.bestHour }),
    );
  if (reminders.done + reminders.skipped + reminders.snoozed > 0)
    lines.push(t('insights-line-reminders', reminders));
  for (const c of f.courses.slice(0, 4))
    lines.push(t('insights-line-course', { name: c.name, learned: c.learned, topics: c.topics }));
  if (f.notes.filed > 0)
    lines.push(
      t('insights-line-notes', {
        filed: f.notes.filed,
        topics: f.notes.perTopic
          .slice(0, 3)
          // The Inbox's stored name is English: it reads in the person's language.
          .map((n) => `${n.topic === 'Inbox' ? t('insights-topic-inbox') : n.topic || '—'} ${n.filed}`)
          .join(', '),
      }),
    );
  const b = f.bookings;
  if (b.kept + b.noShows + b.cancelled + b.upcoming > 0)
    lines.push(
      t('insights-line-bookings', {
        kept: b.kept,
        noShows: b.noShows,
        cancelled: b.cancelled,
        upcoming: b.upcoming,
      }),
    );
  if (tasks.completed === 0) lines.push(t('insights-nothing'));
  return lines.join('\n');
}

/**
 * The offline insight of the weekly report: sentences from templates filled only with numbers
 * taken from the figures (a test checks every number in it appears in them).
 */
export function templateInsight(t: T, f: Figures): string {
  const parts: string[] = [];
  const { tasks, streaks } = f;
  if (tasks.completionRate !== null && tasks.due > 0)
    parts.push(
      t(tasks.completionRate >= 70 ? 'insights-insight-rate-high' : 'insights-insight-rate-low', {
        dueDone: tasks.dueDone,
        due: tasks.due,
        rate: tasks.completionRate,
      }),
    );
  if (streaks.current >= 2) parts.push(t('insights-insight-streak', streaks));
  if (f.bestHour !== null) parts.push(t('insights-insight-hour', { hour: f.bestHour }));
  if (parts.length === 0) parts.push(t('insights-insight-quiet'));
  return parts.join(' ');
}
