import { DateTime } from 'luxon';
import type { Language } from '../../platform/db/schema.ts';
import { zoneCity, zoneCityGenitiveRu, zoneNameRu } from './zone-names.ts';

// How booking times read in a chat: the location's zone, the reader's language, never ISO.

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, zone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${withDate}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
      timeZone: zone,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, f);
  }
  return f;
}

/** "Mon 1 Jun, 09:00" / "пн, 1 июн., 09:00" in the location's zone. */
export const formatWhen = (at: Date, zone: string, language: Language) =>
  format(language, zone, true).format(at);

/** "09:00" in the location's zone. */
export const formatTime = (at: Date, zone: string, language: Language) =>
  format(language, zone, false).format(at);

/** Who reads a booking time: their language and, when known, their own zone. */
export interface Reader {
  language: Language;
  timezone?: string | null;
}

/** A Fluent lookup in the reader's language (`ctx.t`, or the notice sender's `t` bound to one). */
export type ZoneT = (key: string, vars: Record<string, string | number>) => string;

/** Does the reader's clock show another time than the location's at that moment? */
export function zoneDiffers(at: Date, zone: string, readerZone: string | null | undefined): boolean {
  if (!readerZone || readerZone === zone) return false;
  const offset = (z: string) => DateTime.fromJSDate(at, { zone: z }).offset;
  return offset(zone) !== offset(readerZone);
}

/** "London time" / "по времени Лондона" (a city from the IANA zone; never the zone's code). */
export function zoneLabel(zone: string, language: Language, t: ZoneT): string {
  if (language !== 'ru') return t('booking-zone-label', { city: zoneCity(zone) });
  const genitive = zoneCityGenitiveRu(zone);
  return genitive
    ? t('booking-zone-label', { city: genitive })
    : t('booking-zone-label-named', { city: zoneNameRu(zone) });
}

/**
 * The one convention for a booking time in a chat: the location's local time, labelled with the
 * location's city when the reader's own clock differs ("Wed 4 Mar, 10:00 London time").
 */
export function formatWhenFor(at: Date, zone: string, reader: Reader, t: ZoneT): string {
  const when = formatWhen(at, zone, reader.language);
  return zoneDiffers(at, zone, reader.timezone) ? `${when} ${zoneLabel(zone, reader.language, t)}` : when;
}

/** "09:00" ↔ minutes from midnight, on the 15-minute grid. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 && minutes % 15 === 0 ? minutes : null;
}

export const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
