// Booking times as the user reads them: every slot and booking shown in the user's timezone, grouped
// by the user's calendar day. No React here, so it is unit-tested on its own.
import type { Language } from '../../api.ts';

const locale = (language: Language) => (language === 'ru' ? 'ru-RU' : 'en-GB');

/** The calendar day (YYYY-MM-DD) of an instant in a timezone. */
export function dayKey(iso: string | Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** "18:00" in the user's timezone. */
export function timeLabel(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** "Mon 1 Dec" for a day key (the key is already the user's day, so it is read at noon UTC). */
export function dayLabel(key: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${key}T12:00:00Z`));
}

/** The day key `days` after `key` (calendar arithmetic, no timezone involved). */
export function addDays(key: string, days: number): string {
  const date = new Date(`${key}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Items in order of `start`, grouped by the user's day; days in order, none empty. */
export function groupByDay<T extends { start: string }>(
  items: readonly T[],
  timeZone: string,
): Array<{ day: string; items: T[] }> {
  const days = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const item of sorted) {
    const key = dayKey(item.start, timeZone);
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

export interface Slot {
  start: string;
  end: string;
  specialist_id: string;
}

/**
 * The slots a client can pick: one specialist's, or for "anyone" one per start time (the same
 * moment offered by two specialists is one choice; the server picks who is free then).
 */
export function choosableSlots(slots: readonly Slot[], specialistId: string | null): Slot[] {
  if (specialistId) return slots.filter((s) => s.specialist_id === specialistId);
  const seen = new Set<number>();
  return slots.filter((s) => {
    const at = Date.parse(s.start);
    if (seen.has(at)) return false;
    seen.add(at);
    return true;
  });
}

/** A schedule's bookings: not cancelled, from the start of the user's today on. */
export function fromToday<T extends { start: string; status: string }>(
  items: readonly T[],
  now: Date,
  timeZone: string,
): T[] {
  const today = dayKey(now, timeZone);
  return items.filter((b) => b.status !== 'cancelled' && dayKey(b.start, timeZone) >= today);
}
