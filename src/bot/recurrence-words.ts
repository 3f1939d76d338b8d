import { DateTime, Info } from 'luxon';
import rrulePackage from 'rrule';
import type { Translate } from './i18n.ts';

// rrule ships CommonJS: under plain Node only the default export exists.
const { RRule } = rrulePackage;

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** When the series starts, in the user's zone: the clock time and day a rule without BY* parts repeats on. */
export interface SeriesStart {
  at: Date;
  timezone: string;
  language: string;
}

const first = <T>(value: T | T[] | null | undefined): T | undefined =>
  Array.isArray(value) ? value[0] : (value ?? undefined);

/**
 * A recurrence rule in a person's words ("every 2 hours", "every weekday at 08:30", "каждый год
 * 8 марта в 09:00") — never the RRULE itself. One describer for every card, list and confirmation.
 */
export function describeRecurrence(t: Translate, rrule: string, start: SeriesStart): string {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rrule);
  } catch {
    return t('rule-custom');
  }
  const local = DateTime.fromJSDate(start.at, { zone: start.timezone }).setLocale(start.language);
  const n = options.interval ?? 1;
  const hour = first(options.byhour) ?? local.hour;
  const minute = first(options.byminute) ?? local.minute;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const days = weekdays(options.byweekday);
  const unusual =
    options.bysetpos !== undefined && options.bysetpos !== null
      ? true
      : (Array.isArray(options.byhour) && options.byhour.length > 1) ||
        (Array.isArray(options.bymonthday) && options.bymonthday.length > 1) ||
        (Array.isArray(options.bymonth) && options.bymonth.length > 1);
  if (unusual) return t('rule-custom');
  const withTime = (rule: string) => t('rule-at', { rule, time });
  let words: string;
  switch (options.freq) {
    case RRule.MINUTELY:
      words = t('rule-minutely', { n });
      break;
    case RRule.HOURLY:
      words = t('rule-hourly', { n });
      break;
    case RRule.DAILY:
      words = withTime(days.length ? dayList(t, days, 1, start.language) : t('rule-daily', { n }));
      break;
    case RRule.WEEKLY:
      words = withTime(dayList(t, days.length ? days : [local.weekday - 1], n, start.language));
      break;
    case RRule.MONTHLY: {
      const day = first(options.bymonthday) ?? local.day;
      words = withTime(t('rule-monthly', { n, day }));
      break;
    }
    case RRule.YEARLY: {
      const month = first(options.bymonth) ?? local.month;
      const day = first(options.bymonthday) ?? local.day;
      const date = DateTime.fromObject({ year: 2024, month, day }, { locale: start.language }).toFormat(
        'd MMMM',
      );
      words = withTime(t('rule-yearly', { n, date }));
      break;
    }
    default:
      return t('rule-custom');
  }
  if (options.count) words = `${words} ${t('rule-count', { n: options.count })}`;
  if (options.until) {
    const until = DateTime.fromJSDate(options.until, { zone: start.timezone }).setLocale(start.language);
    words = `${words} ${t('rule-until', { date: until.toFormat('d MMMM yyyy') })}`;
  }
  return words;
}

function weekdays(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((d: unknown) =>
      typeof d === 'number'
        ? d
        : typeof d === 'string'
          ? WEEKDAY_CODES.indexOf(d)
          : (d as { weekday: number }).weekday,
    )
    .filter((d) => d >= 0 && d <= 6)
    .sort((a, b) => a - b);
}

function dayList(t: Translate, days: number[], n: number, language: string): string {
  const key = days.join(',');
  if (n === 1 && key === '0,1,2,3,4') return t('rule-weekdays');
  if (n === 1 && key === '5,6') return t('rule-weekends');
  const names = Info.weekdays('short', { locale: language });
  return t('rule-weekly', { n, days: days.map((d) => names[d] ?? '').join(', ') });
}
