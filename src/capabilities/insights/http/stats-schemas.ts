import { z } from '@hono/zod-openapi';

const count = z.number().int().nonnegative();
const percentOrNull = z.number().int().min(0).max(100).nullable();

/** The documented shape of GET /stats (mirrors `Figures`). */
export const FiguresSchema = z
  .object({
    period: z.object({
      kind: z.enum(['week', 'last-week', 'month', 'last-month', 'custom']),
      from: z.string(),
      to: z.string(),
      timezone: z.string(),
    }),
    tasks: z.object({
      created: count,
      completed: count,
      due: count,
      dueDone: count,
      completionRate: percentOrNull,
      onTimeRate: percentOrNull,
      averageLatenessMinutes: z.number().int().nullable(),
      overdueNow: count,
    }),
    streaks: z.object({ current: count, best: count }),
    perDay: z.array(z.object({ date: z.string(), completed: count })),
    hours: z.array(count).length(24),
    weekdays: z.array(count).length(7),
    bestHour: z.number().int().min(0).max(23).nullable(),
    bestWeekday: z.number().int().min(1).max(7).nullable(),
    reminders: z.object({ done: count, skipped: count, snoozed: count }),
    courses: z.array(
      z.object({
        courseId: z.string(),
        name: z.string(),
        topics: count,
        learned: count,
        learnedInPeriod: count,
        pacePerWeek: z.number(),
        projectedFinish: z.string().nullable(),
      }),
    ),
    notes: z.object({
      filed: count,
      perTopic: z.array(z.object({ topic: z.string(), filed: count })),
    }),
    bookings: z.object({ kept: count, noShows: count, cancelled: count, upcoming: count }),
  })
  .openapi('Figures');
