import { DateTime, Info } from 'luxon';
import rrulePackage from 'rrule';
import type { Reminder } from '../reminder-types.ts';

// rrule ships CommonJS under "main": Node's ESM loader sees one default export, not named ones.
const { RRule } = rrulePackage;

type T = (key: string, variables?: Record<string, string | number>) => string;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A person's words for the common recurrences ("every weekday at 08:30"); the raw RRULE otherwise. */
export function describeRule(
  t: T,
  reminder: Pick<Reminder, 'rrule' | 'startsAt' | 'timezone'>,
  language: string,
) {
  if (!reminder.rrule) return null;
  const options = RRule.parseString(reminder.rrule);
  const start = DateTime.fromJSDate(reminder.startsAt, { zone: reminder.timezone });
  const hour = Array.isArray(options.byhour) ? options.byhour[0] : (options.byhour ?? start.hour);
  const minute = Array.isArray(options.byminute) ? options.byminute[0] : (options.byminute ?? start.minute);
  const time = `${String(hour ?? 0).padStart(2, '0')}:${String(minute ?? 0).padStart(2, '0')}`;
  const interval = options.interval ?? 1;
  const byday = options.byweekday
    ? (Array.isArray(options.byweekday) ? options.byweekday : [options.byweekday]).map((d) =>
        typeof d === 'number' ? d : typeof d === 'string' ? WEEKDAYS.indexOf(d) : d.weekday,
      )
    : null;
  const names = Info.weekdays('short', { locale: language });
  const days = (byday ?? [start.weekday - 1])
    .sort((a, b) => a - b)
    .map((d) => names[d] ?? WEEKDAYS[d])
    .join(', ');
  const simple = !options.count && !options.until && !options.bysetpos && !options.bymonth;
  if (simple && options.freq === RRule.DAILY && !byday)
    return interval === 1
      ? t('reminders-rule-daily', { time })
      : t('reminders-rule-every-days', { n: interval, time });
  if (simple && options.freq === RRule.WEEKLY) {
    const weekdays = byday?.length === 5 && [0, 1, 2, 3, 4].every((d) => byday.includes(d));
    if (interval === 1 && weekdays) return t('reminders-rule-weekdays', { time });
    return interval === 1
      ? t('reminders-rule-weekly', { days, time })
      : t('reminders-rule-every-weeks', { n: interval, days, time });
  }
  const monthDay = options.bymonthday ?? start.day;
  if (simple && options.freq === RRule.MONTHLY && interval === 1 && !byday && !Array.isArray(monthDay))
    return t('reminders-rule-monthly', { day: monthDay, time });
  return t('reminders-rule-custom', { rule: reminder.rrule });
}
