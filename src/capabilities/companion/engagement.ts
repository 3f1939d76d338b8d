import { DateTime } from 'luxon';
import type { RawSql } from '../../platform/db/database.ts';

export interface EngagementWeek {
  /** Monday 00:00 UTC that starts the week (ISO date). */
  week_start: string;
  check_ins_sent: number;
  /** Sent check-ins the person answered: wrote to the companion or pressed its button within 24 h. */
  check_ins_answered: number;
  opt_outs: number;
  /** People per journey stage by their last reading (04:00 refresh) before the week's end. */
  by_stage: Record<string, number>;
}

/** Engagement figures by week, oldest first, the current (partial) week last. */
export function createEngagement(deps: { raw: RawSql; now: () => Date }) {
  return async function engagement(weeks: number): Promise<EngagementWeek[]> {
    const current = DateTime.fromJSDate(deps.now(), { zone: 'UTC' }).startOf('week');
    const from = current.minus({ weeks: weeks - 1 });
    const params = [from.toJSDate(), weeks];
    const series = `SELECT generate_series(0, $2::int - 1) AS n`;
    const bounds = `SELECT $1::timestamptz + make_interval(weeks => n) AS s,
                           $1::timestamptz + make_interval(weeks => n + 1) AS e FROM (${series}) g`;
    const [checkIns, optOuts, stages] = await Promise.all([
      deps.raw.query<{ s: Date; sent: string; answered: string }>(
        `SELECT w.s, count(l.id) AS sent, count(l.answered_at) AS answered
           FROM (${bounds}) w
           LEFT JOIN companion_proactive_log l ON l.decision = 'sent' AND l.at >= w.s AND l.at < w.e
          GROUP BY w.s`,
        params,
      ),
      deps.raw.query<{ s: Date; n: string }>(
        `SELECT w.s, count(o.id) AS n FROM (${bounds}) w
           LEFT JOIN companion_opt_outs o ON o.at >= w.s AND o.at < w.e GROUP BY w.s`,
        params,
      ),
      deps.raw.query<{ s: Date; stage: string; n: string }>(
        `SELECT w.s, last.stage, count(*) AS n
           FROM (${bounds}) w
           CROSS JOIN LATERAL (
             SELECT DISTINCT ON (h.user_id) h.stage FROM companion_stage_history h
              WHERE h.at < w.e ORDER BY h.user_id, h.at DESC
           ) last
          GROUP BY w.s, last.stage`,
        params,
      ),
    ]);
    const key = (d: Date) => DateTime.fromJSDate(new Date(d), { zone: 'UTC' }).toISODate() as string;
    return Array.from({ length: weeks }, (_, i) => {
      const week = key(from.plus({ weeks: i }).toJSDate());
      const c = checkIns.find((r) => key(r.s) === week);
      const o = optOuts.find((r) => key(r.s) === week);
      return {
        week_start: week,
        check_ins_sent: Number(c?.sent ?? 0),
        check_ins_answered: Number(c?.answered ?? 0),
        opt_outs: Number(o?.n ?? 0),
        by_stage: Object.fromEntries(
          stages.filter((r) => key(r.s) === week).map((r) => [r.stage, Number(r.n)]),
        ),
      };
    });
  };
}

export type Engagement = ReturnType<typeof createEngagement>;
