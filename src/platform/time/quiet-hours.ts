import { DateTime } from 'luxon';

import { minutesOf } from './local-time.ts';

/**
 * When the person's quiet hours (local "HH:MM[:SS]" start/end, possibly across midnight) contain
 * `at`, the moment they end; otherwise null. Non-urgent messages due inside wait until then.
 */
export function quietHoursEnd(
  quiet: { start: string | null; end: string | null; timezone: string },
  at: Date,
): Date | null {
  if (!quiet.start || !quiet.end) return null;
  const local = DateTime.fromJSDate(at, { zone: quiet.timezone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  let endAt = local.startOf('day').set({ hour: Math.floor(end / 60), minute: end % 60 });
  if (endAt <= local) endAt = endAt.plus({ days: 1 });
  return endAt.toJSDate();
}
