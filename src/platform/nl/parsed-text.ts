/** What a line of free text (ru or en) says, as the smart inbox, the bot and `POST /api/v1/parse` see it. */
export interface ParsedText {
  intent: 'task' | 'reminder' | 'unknown';
  /** The text with dates, recurrence, priority marks, #tags and lead-ins ("remind me to") removed. */
  title: string;
  /** First due moment (for a recurring reminder: the first occurrence), or null when no time is said. */
  dueAt: Date | null;
  /** The date was said without a time of day ("on Friday"); dueAt then carries a default time. */
  allDay: boolean;
  /**
   * RFC 5545 recurrence WITHOUT DTSTART, in the user's local wall-clock time, e.g.
   * "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=8;BYMINUTE=30". The series starts at dueAt in `timezone`.
   */
  rrule: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  /** From "#study" / "#учёба" (without '#'), lower-cased; null if none. */
  category: string | null;
  /** A course named in the text ("по истории", "for Calculus", "@history"), or null. */
  course: string | null;
  language: 'ru' | 'en';
  /** The IANA timezone the times were read in. */
  timezone: string;
  /** Only when, how and marks were said ("next tue 10am p1"): `title` is then the whole line, and a card asks for one. */
  untitled?: boolean;
  /** A clock time that cannot be ("25:00", "18:75"), as written; the line then carries no time. */
  invalidTime?: string;
}

export interface ParseOptions {
  /** IANA timezone of the user. */
  timezone: string;
  now: Date;
  /** Fixes the date reader's language; by default both run and the one that reads more wins. */
  language?: 'ru' | 'en';
}
