// The insights capability's REST call (src/capabilities/insights/http/stats-routes.ts).
import type { Api } from '../../api.ts';

export const PERIODS = ['week', 'last-week', 'month', 'last-month'] as const;
export type StatsPeriod = (typeof PERIODS)[number];

/** GET /stats (the server's `Figures` schema, stats-schemas.ts). */
export interface Figures {
  period: { kind: StatsPeriod | 'custom'; from: string; to: string; timezone: string };
  tasks: {
    created: number;
    completed: number;
    due: number;
    dueDone: number;
    completionRate: number | null;
    onTimeRate: number | null;
    averageLatenessMinutes: number | null;
    overdueNow: number;
  };
  streaks: { current: number; best: number };
  perDay: Array<{ date: string; completed: number }>;
  bestHour: number | null;
  /** ISO weekday, 1 = Monday. */
  bestWeekday: number | null;
  reminders: { done: number; skipped: number; snoozed: number };
  courses: Array<{
    courseId: string;
    name: string;
    topics: number;
    learned: number;
    learnedInPeriod: number;
  }>;
  notes: { filed: number; perTopic: Array<{ topic: string; filed: number }> };
  bookings: { kept: number; noShows: number; cancelled: number; upcoming: number };
}

export const statsApi = (api: Api) => ({
  figures: (period: StatsPeriod) => api.request<Figures>('GET', `/stats?period=${period}`),
});
