import { DateTime } from 'luxon';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Period, PeriodKind } from './insight-types.ts';

/** The longest custom period (a year, a leap one included). */
export const MAX_PERIOD_DAYS = 366;

/** Resolves a period in the user's timezone; `from`/`to` are inclusive local dates for 'custom'. */
export function resolvePeriod(
  kind: PeriodKind,
  timezone: string,
  now: Date,
  custom: { from?: string; to?: string } = {},
): Period {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  let start: DateTime;
  let end: DateTime; // exclusive
  switch (kind) {
    case 'week':
      start = today.startOf('week');
      end = start.plus({ weeks: 1 });
      break;
    case 'last-week':
      start = today.startOf('week').minus({ weeks: 1 });
      end = start.plus({ weeks: 1 });
      break;
    case 'month':
      start = today.startOf('month');
      end = start.plus({ months: 1 });
      break;
    case 'last-month':
      start = today.startOf('month').minus({ months: 1 });
      end = start.plus({ months: 1 });
      break;
    case 'custom': {
      start = DateTime.fromISO(custom.from ?? '', { zone: timezone }).startOf('day');
      end = DateTime.fromISO(custom.to ?? '', { zone: timezone })
        .startOf('day')
        .plus({ days: 1 });
      if (!start.isValid || !end.isValid)
        throw new DomainError('invalid', 'period_dates', 'A custom period needs from and to as YYYY-MM-DD');
      if (end <= start)
        throw new DomainError('invalid', 'period_order', 'The period must end on or after its start');
      // Counted before the days are listed below: year 1 to 9999 would be 3.6 million of them.
      if (Math.round(end.diff(start, 'days').days) > MAX_PERIOD_DAYS)
        throw new DomainError(
          'unprocessable',
          'period_too_long',
          `A period covers at most ${MAX_PERIOD_DAYS} days`,
        );
      break;
    }
  }
  const days: string[] = [];
  for (let d = start; d < end; d = d.plus({ days: 1 })) {
    days.push(d.toISODate() as string);
  }
  return {
    kind,
    timezone,
    from: days[0] as string,
    to: days[days.length - 1] as string,
    fromAt: start.toJSDate(),
    toAt: end.toJSDate(),
    days,
  };
}
