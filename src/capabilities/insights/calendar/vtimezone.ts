import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

/** Years the generated fallback spells out (before/after `now`); after the last one its offset holds. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 5;
const HOUR = 3_600_000;
/** The library's names (aliases included); asking it for another name makes it print to stderr. */
const LIBRARY_ZONES = new Set(tzlib_get_timezones());

const offset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/**
 * The VTIMEZONE (RFC 5545 §3.6.5) for a TZID used in the feed. From timezones-ical-library (its
 * rules as RRULEs), renamed to the exact TZID the events carry: it answers an alias such as
 * Europe/Kiev with Europe/Kyiv, and a TZID must match its VTIMEZONE character for character. A zone
 * it does not know is generated from the runtime's IANA data (what every time here is computed with).
 */
export function vtimezone(zone: string, now: Date): string | null {
  const [block] = LIBRARY_ZONES.has(zone) ? tzlib_get_ical_block(zone) : [];
  if (block) {
    const name = /^TZID:(.*)$/m.exec(block)?.[1]?.trim();
    if (!name || name === zone) return block;
    return block
      .replace(/^TZID:.*$/m, `TZID:${zone}`)
      .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
  }
  return generatedVtimezone(zone, now);
}

/** Every offset change of a zone in the years around `now`, found by luxon, as one observance each. */
export function generatedVtimezone(zone: string, now: Date): string | null {
  const year = DateTime.fromJSDate(now, { zone: 'UTC' }).year;
  const from = DateTime.utc(year - YEARS_BACK, 1, 1).toMillis();
  const to = DateTime.utc(year + YEARS_AHEAD + 1, 1, 1).toMillis();
  const at = (ms: number) => DateTime.fromMillis(ms, { zone });
  if (!at(from).isValid) return null;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (ms: number, before: number) => {
    const after = at(ms);
    const kind = after.isInDST ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the local wall time of the change read in the offset in force before it.
    const local = DateTime.fromMillis(ms, { zone: 'UTC' }).plus({ minutes: before });
    lines.push(
      `BEGIN:${kind}`,
      `TZNAME:${after.offsetNameShort ?? offset(after.offset)}`,
      `TZOFFSETFROM:${offset(before)}`,
      `TZOFFSETTO:${offset(after.offset)}`,
      `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
      `END:${kind}`,
    );
  };
  observance(from, at(from).offset);
  // Zones change at most a few times a year and never twice within a day: step by 6 hours, then
  // narrow each change down to the minute.
  for (let t = from; t < to; t += 6 * HOUR) {
    const before = at(t).offset;
    if (at(t + 6 * HOUR).offset === before) continue;
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (at(mid).offset === before) lo = mid;
      else hi = mid;
    }
    observance(hi, before);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
