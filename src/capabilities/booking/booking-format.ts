import type { Language } from '../../platform/db/schema.ts';

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

/** "09:00" ↔ minutes from midnight, on the 15-minute grid. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 && minutes % 15 === 0 ? minutes : null;
}

export const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
