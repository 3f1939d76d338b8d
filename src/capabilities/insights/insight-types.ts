/** Which days the figures cover: this / last ISO week, this / last month, or a custom range of dates. */
export type PeriodKind = 'week' | 'last-week' | 'month' | 'last-month' | 'custom';

export interface Period {
  kind: PeriodKind;
  timezone: string;
  /** First local date (inclusive), "2026-03-02". */
  from: string;
  /** Last local date (inclusive). */
  to: string;
  /** The instants of the local midnights bounding the period: [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
  /** Every local date of the period, in order. */
  days: string[];
}

export interface CourseFigures {
  courseId: string;
  name: string;
  topics: number;
  learned: number;
  learnedInPeriod: number;
  /** Topics learned per week over the last 28 days (one decimal). */
  pacePerWeek: number;
  /** The local date the remaining topics are done at that pace; null without pace or when done. */
  projectedFinish: string | null;
}

/** Everything /stats, the chart and the weekly report show: counts from SQL, rates derived from them. */
export interface Figures {
  period: { kind: PeriodKind; from: string; to: string; timezone: string };
  tasks: {
    created: number;
    completed: number;
    /** Tasks due in the period (not cancelled) and how many of them are done. */
    due: number;
    dueDone: number;
    /** dueDone / due in percent (whole), null when nothing was due. */
    completionRate: number | null;
    /** Of the tasks completed in the period that had a deadline: done by it, percent; null if none. */
    onTimeRate: number | null;
    /** Mean minutes past the deadline of the late completions in the period; null if none was late. */
    averageLatenessMinutes: number | null;
    /** Open tasks past their deadline right now. */
    overdueNow: number;
  };
  /** Days with at least one completion: the run ending today (or yesterday) and the longest ever. */
  streaks: { current: number; best: number };
  perDay: Array<{ date: string; completed: number }>;
  /** Completions by local hour 0..23 and by ISO weekday (index 0 = Monday). */
  hours: number[];
  weekdays: number[];
  /** The busiest hour / ISO weekday (1 = Monday); null without completions. */
  bestHour: number | null;
  bestWeekday: number | null;
  reminders: { done: number; skipped: number; snoozed: number };
  courses: CourseFigures[];
  /** Notes captured in the period and filed, by topic (most first); pending ones are not counted. */
  notes: { filed: number; perTopic: Array<{ topic: string; filed: number }> };
  /** Bookings the person made as a client that start in the period, by how they ended. */
  bookings: { kept: number; noShows: number; cancelled: number; upcoming: number };
}
