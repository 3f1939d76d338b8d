import type { DateTime } from 'luxon';
import rrulePkg from 'rrule';
import { boundedAfter } from '../recurrence/bounded-rrule.ts';
import { B, E, findFirst, NUMBER_WORD_PATTERN, readNumber, type Span } from './text-spans.ts';
import { floating, type WallTime, wallOfFloating } from './zoned-clock.ts';

const { RRule } = rrulePkg;

export type Freq = 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export type DayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const DAY_CODES: readonly DayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface Recurrence extends Span {
  freq: Freq;
  interval: number;
  byDay: DayCode[];
  byMonthDay?: number;
  byMonth?: number;
  /** "каждое утро", "every evening": the hour the phrase implies when no time is said. */
  hour?: number;
}

// Stems that tell the day in either language and any case ("пятницу", "пятницам", "fridays").
const DAY_STEMS: Array<[RegExp, DayCode]> = [
  [/^(понедельник|mon|пн$)/iu, 'MO'],
  [/^(вторник|tue|вт$)/iu, 'TU'],
  [/^(сред|wed|ср$)/iu, 'WE'],
  [/^(четверг|thu|чт$)/iu, 'TH'],
  [/^(пятниц|fri|пт$)/iu, 'FR'],
  [/^(суббот|sat|сб$)/iu, 'SA'],
  [/^(воскресень|sun|вс$)/iu, 'SU'],
];
// The short names ("по пн, ср") are how the bot and the Mini App write a rule back in words.
const DAY_RU =
  'понедельник\\p{L}*|вторник\\p{L}*|сред\\p{L}*|четверг\\p{L}*|пятниц\\p{L}*|суббот\\p{L}*|воскресень\\p{L}*|пн|вт|ср|чт|пт|сб|вс';
const DAY_EN_NAME =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)';
const DAY_EN = `${DAY_EN_NAME}s?\\.?`;
const DAY_EN_PLURAL = `${DAY_EN_NAME}s`;
const DAYS = `(?:${DAY_RU}|${DAY_EN})`;
const DAY_LIST = `(${DAYS}(?:\\s*(?:,|и|and|&)\\s*(?:${DAYS}))*)`;
const N = `(\\d+|${NUMBER_WORD_PATTERN})`;
const ORD = '(\\d{1,2})(?:st|nd|rd|th)?';

const RULES: Array<[RegExp, (m: RegExpExecArray) => Omit<Recurrence, 'start' | 'end'>]> = [
  [
    re(
      `(?:каждый|каждые|every)\\s+(?:будний\\s+день|будние\\s+дни|weekday)|по\\s+будням|в\\s+будни|on\\s+weekdays|weekdays`,
    ),
    () => weekly(['MO', 'TU', 'WE', 'TH', 'FR']),
  ],
  [
    re(
      `(?:каждые|каждую|every)\\s+(?:выходные|субботу\\s+и\\s+воскресенье|weekend)|по\\s+выходным|on\\s+weekends|weekends`,
    ),
    () => weekly(['SA', 'SU']),
  ],
  [
    re(`(?:every|each)\\s+(?:other|${N})\\s+weeks?(?:\\s+on\\s+${DAY_LIST})?`),
    (m) => ({ ...weekly(days(m[2])), interval: readNumber(m[1]) ?? 2 }),
  ],
  [
    re(`(?:каждые|раз\\s+в)\\s+${N}\\s+недел\\p{L}*(?:\\s+(?:в|во|по)\\s+${DAY_LIST})?`),
    (m) => ({ ...weekly(days(m[2])), interval: readNumber(m[1]) ?? 2 }),
  ],
  [re(`(?:кажд\\p{L}+|every|each)\\s+${DAY_LIST}`), (m) => weekly(days(m[1]))],
  [re(`по\\s+${DAY_LIST}`), (m) => weekly(days(m[1]))],
  [re(`(?:on\\s+)?(${DAY_EN_PLURAL}(?:\\s*(?:,|and|&)\\s*${DAY_EN_PLURAL})*)`), (m) => weekly(days(m[1]))],
  [
    re(`каждую\\s+неделю|еженедельно|раз\\s+в\\s+неделю|every\\s+week|weekly|once\\s+a\\s+week`),
    () => weekly([]),
  ],
  [
    re(`(?:каждые|every)\\s+${N}\\s+(?:дн\\p{L}*|days?)|every\\s+other\\s+day|через\\s+день`),
    (m) => ({ freq: 'DAILY', interval: readNumber(m[1]) ?? 2, byDay: [] }),
  ],
  [re(`каждое\\s+утро|every\\s+morning`), () => ({ freq: 'DAILY', interval: 1, byDay: [], hour: 9 })],
  [
    re(`каждый\\s+вечер|every\\s+evening|every\\s+night`),
    () => ({ freq: 'DAILY', interval: 1, byDay: [], hour: 19 }),
  ],
  [
    re(`кажд\\p{L}+\\s+день|ежедневно|every\\s*day|daily|раз\\s+в\\s+день|once\\s+a\\s+day`),
    () => ({ freq: 'DAILY', interval: 1, byDay: [] }),
  ],
  [
    re(`(?:каждые|every)\\s+${N}\\s+(?:час\\p{L}*|hours?)`),
    (m) => ({ freq: 'HOURLY', interval: readNumber(m[1]) ?? 1, byDay: [] }),
  ],
  [
    re(`(?:каждые|every)\\s+${N}\\s+(?:минут\\p{L}*|minutes?|mins?)`),
    (m) => ({ freq: 'MINUTELY', interval: readNumber(m[1]) ?? 1, byDay: [] }),
  ],
  [re(`каждый\\s+час|ежечасно|every\\s+hour|hourly`), () => ({ freq: 'HOURLY', interval: 1, byDay: [] })],
  [
    re(
      `кажд\\p{L}+\\s+(?:месяц\\s+)?(\\d{1,2})(?:-?(?:е|го))?\\s+числ\\p{L}*(?:\\s+(?:каждого\\s+)?месяца)?`,
    ),
    (m) => monthly(m[1]),
  ],
  [re(`(\\d{1,2})(?:-?го)?\\s+числа\\s+(?:каждого|всякого)\\s+месяца`), (m) => monthly(m[1])],
  [
    re(`(?:каждый\\s+месяц|ежемесячно|раз\\s+в\\s+месяц)(?:\\s+(\\d{1,2})(?:-?го)?\\s+числа)?`),
    (m) => monthly(m[1]),
  ],
  [re(`(?:on\\s+)?the\\s+${ORD}\\s+of\\s+(?:every|each)\\s+month`), (m) => monthly(m[1])],
  [re(`every\\s+month\\s+on\\s+day\\s+(\\d{1,2})`), (m) => monthly(m[1])],
  [re(`(?:every\\s+month|monthly)(?:\\s+on\\s+the\\s+${ORD})?`), (m) => monthly(m[1])],
  [re(`every\\s+(\\d{1,2})(?:st|nd|rd|th)`), (m) => monthly(m[1])],
  [
    re(`каждый\\s+год|ежегодно|раз\\s+в\\s+год|every\\s+year|yearly|annually`),
    () => ({ freq: 'YEARLY', interval: 1, byDay: [] }),
  ],
];

function re(body: string): RegExp {
  return new RegExp(`${B}(?:${body})${E}`, 'iu');
}
function weekly(byDay: DayCode[]): Omit<Recurrence, 'start' | 'end'> {
  return { freq: 'WEEKLY', interval: 1, byDay };
}
function monthly(day: string | undefined): Omit<Recurrence, 'start' | 'end'> {
  const n = day === undefined ? undefined : Number(day);
  return { freq: 'MONTHLY', interval: 1, byDay: [], ...(n && n <= 31 ? { byMonthDay: n } : {}) };
}
function days(list: string | undefined): DayCode[] {
  const found = (list ?? '').split(/\s*(?:,|\sи\s|\sand\s|&)\s*/iu).flatMap((word) => {
    const hit = DAY_STEMS.find(([stem]) => stem.test(word.trim()));
    return hit ? [hit[1]] : [];
  });
  return DAY_CODES.filter((d) => found.includes(d));
}

/** The first repetition phrase ("каждый будний день", "every 2 weeks on Tuesday"), or null. */
export function findRecurrence(text: string): Recurrence | null {
  for (const [pattern, make] of RULES) {
    const m = findFirst(text, pattern);
    if (m) return { ...make(m), start: m.start, end: m.end };
  }
  return null;
}

/** RFC 5545 RRULE without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=8;BYMINUTE=30". */
export function toRRule(r: Recurrence, time: { hour: number; minute: number } | null): string {
  return new RRule(ruleOptions(r, time)).toString().replace(/^RRULE:/, '');
}

/**
 * The first occurrence at or after `from` (local wall clock), computed in floating time so a
 * daily 08:30 stays 08:30 on both sides of a DST change; the caller maps it into the zone.
 */
export function firstOccurrence(
  r: Recurrence,
  time: { hour: number; minute: number } | null,
  from: DateTime,
): WallTime | null {
  const start = from.startOf('minute');
  const rule = { options: ruleOptions(r, time), dtstart: floating(start) };
  // "every 0 days" or "every 100000 hours" come from free text: the bounded search takes any of them.
  const next = boundedAfter(rule, floating(from.second > 0 ? start.plus({ minutes: 1 }) : start), true);
  return next ? wallOfFloating(next) : null;
}

function ruleOptions(r: Recurrence, time: { hour: number; minute: number } | null) {
  return {
    freq: RRule[r.freq],
    ...(r.interval > 1 ? { interval: r.interval } : {}),
    ...(r.byDay.length > 0 ? { byweekday: r.byDay.map((d) => RRule[d]) } : {}),
    ...(r.byMonth ? { bymonth: r.byMonth } : {}),
    ...(r.byMonthDay ? { bymonthday: r.byMonthDay } : {}),
    ...(time && r.freq !== 'HOURLY' && r.freq !== 'MINUTELY'
      ? { byhour: time.hour, byminute: time.minute }
      : {}),
  };
}
