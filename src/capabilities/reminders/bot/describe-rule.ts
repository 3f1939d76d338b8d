import { describeRecurrence } from '../../../bot/recurrence-words.ts';
import type { Reminder } from '../reminder-types.ts';

type T = (key: string, variables?: Record<string, string | number>) => string;

/** A reminder's repetition in the person's words ("every weekday at 08:30"); null for a one-off. */
export function describeRule(
  t: T,
  reminder: Pick<Reminder, 'rrule' | 'startsAt' | 'timezone'>,
  language: string,
): string | null {
  if (!reminder.rrule) return null;
  return describeRecurrence(t, reminder.rrule, {
    at: reminder.startsAt,
    timezone: reminder.timezone,
    language,
  });
}
