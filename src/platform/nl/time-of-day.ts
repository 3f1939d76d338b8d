import { B, E, findFirst, type Span } from './text-spans.ts';

export interface TimeOfDay {
  hour: number;
  minute: number;
  /** A bare hour ("в 5", "at 5") that could be morning or evening. */
  ambiguous?: boolean;
}

export interface TimeHit extends TimeOfDay, Span {
  /** "tonight" and "сегодня вечером" also say which day. */
  today?: boolean;
  tomorrow?: boolean;
  /** Read from a part of the day ("вечером"), not a clock time. */
  part?: boolean;
}

const MONTHS =
  'январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
// A number followed by these is a date or a count, not an hour ("к 10 марта", "в 3 раза", "on the 5th").
const NOT_AN_HOUR = `(?!\\s*(?:${MONTHS}|числ|-?го${E}|-?е${E}|раз|класс|курс|%|st${E}|nd${E}|rd${E}|th${E}|минут|min|дн|день|недел|day|week|month|year|год|лет|человек|шт|руб|\\$|€|[./:]\\d))`;

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => TimeOfDay | null }> = [
  {
    // 5pm, 8:30 am, at 7 p.m.
    re: new RegExp(
      `${B}(?:(?:at|by|before|around|@)\\s*)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?\\s?m${E}\\.?`,
      'iu',
    ),
    read: (m) => meridiem(Number(m[1]), Number(m[2] ?? 0), m[3]?.toLowerCase() === 'p' ? 'pm' : 'am'),
  },
  {
    // в 5 вечера, к 9 утра, в 2 часа дня, в 11:30 вечера
    re: new RegExp(
      `${B}(?:(?:в|во|к|ко|на|около|до)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:час(?:а|ов)?\\s+)?(утра|дня|вечера|ночи)${E}`,
      'iu',
    ),
    read: (m) => {
      const part = (m[3] ?? '').toLowerCase();
      // "3 дня" alone is a count of days ("через 3 дня"); "в 3 дня" / "3 часа дня" is 15:00.
      if (part === 'дня' && !/^\s*\p{L}|час/iu.test(m[0])) return null;
      return russianMeridiem(Number(m[1]), Number(m[2] ?? 0), part);
    },
  },
  {
    // 18:00, в 17:30, at 9:15, к 9.30 (a dot only after a preposition: a bare "12.12" is a date)
    re: new RegExp(
      `${B}(?:(?:в|во|к|ко|на|около|до|at|by|before|around|@)\\s*)?(\\d{1,2}):(\\d{2})${E}|${B}(?:в|во|к|ко|около|до)\\s+(\\d{1,2})\\.(\\d{2})(?![.\\d])`,
      'iu',
    ),
    read: (m) => clock(Number(m[1] ?? m[3]), Number(m[2] ?? m[4])),
  },
  {
    // полдень / noon / полночь / midnight
    re: new RegExp(`${B}(?:(?:в|к|около|at|by|around)\\s+)?(полдень|полночь|noon|midday|midnight)${E}`, 'iu'),
    read: (m) =>
      /полдень|noon|midday/iu.test(m[1] ?? '') ? { hour: 12, minute: 0 } : { hour: 23, minute: 59 },
  },
  {
    // в 9, к 10 часам, в 12 часов, at 5, at 5 o'clock
    re: new RegExp(
      `${B}(?:в|во|к|ко|около|at|by|around)\\s+(\\d{1,2})(?:\\s*(?:час(?:а|ов|ам)?|ч\\.?|o'clock)(?![\\p{L}]))?${NOT_AN_HOUR}${E}`,
      'iu',
    ),
    read: (m) => {
      const t = clock(Number(m[1]), 0);
      return t && t.hour >= 1 && t.hour <= 11 ? { ...t, ambiguous: !/час|o'clock/iu.test(m[0]) } : t;
    },
  },
];

// Parts of the day when no clock time is said; the hours are this product's defaults.
const PARTS: Array<{ re: RegExp; hour: number; today?: boolean; tomorrow?: boolean }> = [
  { re: /(?<![\p{L}])(?:tonight|this evening)(?![\p{L}])/iu, hour: 19, today: true },
  { re: /(?<![\p{L}])this morning(?![\p{L}])/iu, hour: 9, today: true },
  { re: /(?<![\p{L}])this afternoon(?![\p{L}])/iu, hour: 14, today: true },
  { re: /(?<![\p{L}])(?:in the |tomorrow )?morning(?![\p{L}])/iu, hour: 9 },
  { re: /(?<![\p{L}])(?:in the )?afternoon(?![\p{L}])/iu, hour: 14 },
  { re: /(?<![\p{L}])(?:in the )?evening(?![\p{L}])/iu, hour: 19 },
  { re: /(?<![\p{L}])(?:at night|tomorrow night)(?![\p{L}])/iu, hour: 22 },
  { re: /(?<![\p{L}])(?:с утра|утром|поутру)(?![\p{L}])/iu, hour: 9 },
  {
    re: /(?<![\p{L}])(?:в обед|к обеду|в обеденный перерыв|at lunch(?:time)?|by lunch)(?![\p{L}])/iu,
    hour: 13,
  },
  { re: /(?<![\p{L}])(?:дн[её]м|после обеда)(?![\p{L}])/iu, hour: 14 },
  { re: /(?<![\p{L}])(?:вечером|вечерком)(?![\p{L}])/iu, hour: 19 },
  { re: /(?<![\p{L}])ночью(?![\p{L}])/iu, hour: 22 },
];

/** The first clock time in the text ("в 17:30", "at 5pm", "в 5 вечера"), or a part of the day. */
export function findTime(text: string): TimeHit | null {
  for (const { re, read } of PATTERNS) {
    const m = findFirst(text, re);
    if (!m) continue;
    const t = read(m);
    if (t) return { ...t, start: m.start, end: m.end };
  }
  return findPartOfDay(text);
}

/** "25:00", "в 18:75": something written as a clock time that no clock shows (to explain, not to guess). */
export function findInvalidTime(text: string): string | null {
  const m = /(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])/u.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour > 24 || minute > 59 || (hour === 24 && minute > 0) ? m[0] : null;
}

export function findPartOfDay(text: string): TimeHit | null {
  for (const part of PARTS) {
    const m = findFirst(text, part.re);
    if (!m) continue;
    const day = part.today ? { today: true } : /tomorrow/iu.test(m[0]) ? { tomorrow: true } : {};
    return { hour: part.hour, minute: 0, start: m.start, end: m.end, part: true, ...day };
  }
  return null;
}

function clock(hour: number, minute: number): TimeOfDay | null {
  if (hour > 24 || minute > 59) return null;
  return { hour: hour === 24 ? 0 : hour, minute };
}

function meridiem(hour: number, minute: number, half: 'am' | 'pm'): TimeOfDay | null {
  if (hour < 1 || hour > 12 || minute > 59) return null;
  const h = hour % 12;
  return { hour: half === 'pm' ? h + 12 : h, minute };
}

function russianMeridiem(hour: number, minute: number, part: string): TimeOfDay | null {
  if (hour > 12 || minute > 59) return null;
  if (part === 'утра') return { hour: hour === 12 ? 0 : hour, minute };
  if (part === 'дня') return { hour: hour < 12 && hour <= 6 ? hour + 12 : hour, minute };
  if (part === 'вечера') return { hour: hour < 12 ? hour + 12 : hour, minute };
  // ночи: "в 11 ночи" is 23:00, "в 2 ночи" is 02:00, "в 12 ночи" is midnight.
  if (hour === 12) return { hour: 0, minute };
  return { hour: hour >= 9 ? hour + 12 : hour, minute };
}
