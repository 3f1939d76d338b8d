import type { DayHours } from '../booking-setup.ts';

// Working hours as an owner types them (issue 37 item 15): "Mon-Fri 9-18", "пн-пт 9-18 обед 13-14",
// "9am-6pm", "1-5 09:00-18:00 13:00-14:00", several rules split by ";" or new lines.

const DAY_NAMES: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
  пн: 1,
  пон: 1,
  понедельник: 1,
  вт: 2,
  вто: 2,
  вторник: 2,
  ср: 3,
  среда: 3,
  чт: 4,
  чет: 4,
  четверг: 4,
  пт: 5,
  пят: 5,
  пятница: 5,
  сб: 6,
  суб: 6,
  суббота: 6,
  вс: 7,
  вос: 7,
  воскресенье: 7,
};

const DAY = '(?:[1-7]|[a-zа-яё]{2,11})';
const TIME = '\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?';
const RANGE = `(${TIME})\\s*(?:-|–|—|to|до)\\s*(${TIME})`;
const RULE = new RegExp(
  `^(?:(${DAY}(?:\\s*(?:-|–|—|,)\\s*${DAY})*)\\s*:?\\s+)?(?:с\\s+|from\\s+)?${RANGE}` +
    `(?:\\s*,?\\s*(?:break|lunch|перерыв|обед)?\\s*:?\\s*${RANGE})?$`,
  'i',
);

const dayOf = (word: string): number | null => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (/^[1-7]$/.test(w)) return Number(w);
  return DAY_NAMES[w] ?? null;
};

/** "9", "09:30", "9am", "6.30 pm" → minutes from midnight on the 15-minute grid, or null. */
export function clockMinutes(raw: string): number | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(raw.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replaceAll('.', '');
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  const total = hour * 60 + minute;
  return minute < 60 && total <= 1440 && total % 15 === 0 ? total : null;
}

function daysOf(spec: string | undefined): number[] | null {
  if (!spec) return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of spec.split(/\s*,\s*/)) {
    const [from, to, ...rest] = part.split(/\s*[-–—]\s*/);
    if (rest.length || !from) return null;
    const a = dayOf(from);
    const b = to === undefined ? a : dayOf(to);
    if (a === null || b === null) return null;
    // "Sat-Mon" wraps over the weekend.
    for (let d = a, n = 0; n < 7; d = (d % 7) + 1, n++) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/** One rule ("Mon-Fri 9-18 break 13-14") → its days' hours, or null when it cannot be read. */
export function parseHoursRule(line: string): DayHours[] | null {
  const m = RULE.exec(line.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const days = daysOf(m[1]);
  const [start, end] = [clockMinutes(m[2] ?? ''), clockMinutes(m[3] ?? '')];
  if (!days || start === null || end === null || end <= start) return null;
  const breaks: DayHours['breaks'] = [];
  if (m[4] !== undefined) {
    const [bs, be] = [clockMinutes(m[4]), clockMinutes(m[5] ?? '')];
    if (bs === null || be === null || be <= bs || bs < start || be > end) return null;
    breaks.push({ start: bs, end: be });
  }
  return days.map((weekday) => ({ weekday, start, end, breaks }));
}

/** Every rule of a message (split by ";" or lines); null when any rule cannot be read or a day repeats. */
export function parseHours(text: string): DayHours[] | null {
  const rules = text
    .split(/[;\n]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (rules.length === 0) return null;
  const out: DayHours[] = [];
  for (const rule of rules) {
    const parsed = parseHoursRule(rule);
    if (!parsed) return null;
    out.push(...parsed);
  }
  return new Set(out.map((d) => d.weekday)).size === out.length ? out : null;
}
