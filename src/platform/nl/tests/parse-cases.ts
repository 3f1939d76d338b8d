import type { ParsedText } from '../parsed-text.ts';

/**
 * Fixed "now"s for the table, chosen around DST changes:
 * - New York moves to summer time on Sun 8 Mar 2026 at 02:00 (−05:00 → −04:00) and back on
 *   Sun 1 Nov 2026 at 02:00 (−04:00 → −05:00).
 * - Berlin moves to summer time on Sun 29 Mar 2026 at 02:00 (+01:00 → +02:00) and back on
 *   Sun 25 Oct 2026 at 03:00 (+02:00 → +01:00).
 * - Moscow (+03:00) and Kolkata (+05:30) have no DST.
 */
export const CLOCKS = {
  /** Sunday 8 March 2026, 10:00 EDT: summer time started this night. */
  ny: { timezone: 'America/New_York', now: '2026-03-08T10:00:00-04:00' },
  /** Saturday 7 March 2026, 20:00 EST: the change happens tonight. */
  nyEve: { timezone: 'America/New_York', now: '2026-03-07T20:00:00-05:00' },
  /** Saturday 31 October 2026, 10:00 EDT: winter time starts tomorrow at 02:00. */
  nyFall: { timezone: 'America/New_York', now: '2026-10-31T10:00:00-04:00' },
  /** Saturday 24 October 2026, 10:00 CEST: winter time starts tomorrow at 03:00. */
  berlin: { timezone: 'Europe/Berlin', now: '2026-10-24T10:00:00+02:00' },
  /** Saturday 28 March 2026, 22:00 CET: summer time starts tonight at 02:00. */
  berlinSpring: { timezone: 'Europe/Berlin', now: '2026-03-28T22:00:00+01:00' },
  /** Monday 23 November 2026, 10:00 MSK. */
  moscow: { timezone: 'Europe/Moscow', now: '2026-11-23T10:00:00+03:00' },
  /** Wednesday 15 July 2026, 10:00 IST. */
  kolkata: { timezone: 'Asia/Kolkata', now: '2026-07-15T10:00:00+05:30' },
} as const;

export type ClockName = keyof typeof CLOCKS;

/** What the parser must return; fields left out must be null / 'normal' / false. */
export interface Expected {
  intent: ParsedText['intent'];
  title: string;
  /** ISO 8601 with the zone's offset at that instant, or null. */
  due: string | null;
  allDay?: boolean;
  rrule?: string;
  priority?: ParsedText['priority'];
  category?: string;
  course?: string;
}

export type ParseCase = [clock: ClockName, text: string, expected: Expected];
