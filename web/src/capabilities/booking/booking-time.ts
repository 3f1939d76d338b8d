// Booking times as people read them. One convention, the bot's too: a booking's time is the salon's
// local time (its location's zone), grouped by the salon's day, and named with the salon's city when
// the viewer's clock reads differently ("15:00 London time"). No React here, so it is unit-tested.
import type { Language } from '../../api.ts';
import { zoneCity, zoneCityGenitiveRu, zoneNameRu } from './zone-cities.ts';

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

/** Whether two zones' clocks read the same at this instant (Paris and Berlin do, London does not). */
export function sameClock(iso: string, zone: string, otherZone: string): boolean {
  const clock = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      dateStyle: 'short',
      timeStyle: 'short',
      hour12: false,
      timeZone,
    }).format(new Date(iso));
  return clock(zone) === clock(otherZone);
}

/** The words that name the salon's zone after a time, as the bot says them (booking-zone-label). */
export function zoneWords(zone: string, language: Language): string {
  if (language !== 'ru') return `${zoneCity(zone)} time`;
  const genitive = zoneCityGenitiveRu(zone);
  return genitive ? `по времени ${genitive}` : `(время: ${zoneNameRu(zone)})`;
}

/**
 * A booking's time as the salon's clock shows it: "15:00", or "15:00 London time" /
 * "15:00 по времени Лондона" when the viewer (in `viewerZone`) reads another time then.
 */
export function salonTime(iso: string, language: Language, salonZone: string, viewerZone: string): string {
  const time = timeLabel(iso, language, salonZone);
  return sameClock(iso, salonZone, viewerZone) ? time : `${time} ${zoneWords(salonZone, language)}`;
}

/** "Mon 7 Dec, 15:00 London time": the salon's day and time, its zone named when the viewer's differs. */
export function salonWhen(iso: string, language: Language, salonZone: string, viewerZone: string): string {
  return `${dayLabel(dayKey(iso, salonZone), language)}, ${salonTime(iso, language, salonZone, viewerZone)}`;
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
