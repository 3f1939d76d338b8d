import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';
import {
  B,
  E,
  findFirst,
  NUMBER_WORD_PATTERN,
  readNumber,
  type Span,
  withPreposition,
} from './text-spans.ts';
import type { TimeOfDay } from './time-of-day.ts';
import { floating } from './zoned-clock.ts';

export type DateHit =
  | (Span & { kind: 'instant'; at: Date })
  | (Span & {
      kind: 'date';
      /** The local calendar day (luxon, in the user's zone, at midnight). */
      day: DateTime;
      /** A clock time chrono read together with the date. */
      time?: TimeOfDay;
      /** The time a date-only phrase implies ("end of week" is Sunday 23:59); still all-day. */
      defaultTime?: TimeOfDay;
    });

const END_OF_DAY: TimeOfDay = { hour: 23, minute: 59 };
const N = `(\\d+|${NUMBER_WORD_PATTERN})`;

/** Durations, numeric and relative dates chrono reads badly, then chrono for everything else. */
export function findDate(text: string, now: DateTime, language: 'ru' | 'en'): DateHit | null {
  return (
    findDuration(text, now) ??
    findPeriodPhrase(text, now) ??
    findNumericDate(text, now, language) ??
    findDayOfMonth(text, now) ??
    findWithChrono(text, now, language) ??
    (language === 'ru' ? findRussianWeekday(text, now) : null)
  );
}

function findDuration(text: string, now: DateTime): DateHit | null {
  const m =
    findFirst(
      text,
      new RegExp(
        `${B}(?:через|спустя)\\s+(?:${N}\\s+)?(полчаса|полтора часа|минут[уы]?|мин|час(?:а|ов)?|дн(?:я|ей)|день|сутки|недел[юиь]|месяц(?:а|ев)?)${E}`,
        'iu',
      ),
    ) ??
    findFirst(
      text,
      new RegExp(
        `${B}in\\s+(?:${N}\\s+|a\\s+couple\\s+of\\s+)?(half an hour|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)${E}`,
        'iu',
      ),
    );
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const count = readNumber(m[1]) ?? (/couple/iu.test(m[0]) ? 2 : 1);
  const span = { start: m.start, end: m.end };
  if (/^(полчаса|half an hour)$/.test(unit))
    return { kind: 'instant', at: now.plus({ minutes: 30 }).toJSDate(), ...span };
  if (unit === 'полтора часа') return { kind: 'instant', at: now.plus({ minutes: 90 }).toJSDate(), ...span };
  // Minutes and hours are real elapsed time (across a DST change too); days and longer are calendar days.
  if (/^(минут|мин|min)/.test(unit))
    return { kind: 'instant', at: now.plus({ minutes: count }).startOf('minute').toJSDate(), ...span };
  if (/^(час|hour|hr)/.test(unit))
    return { kind: 'instant', at: now.plus({ hours: count }).startOf('minute').toJSDate(), ...span };
  const day = now.startOf('day');
  if (/^(д|сутки)/.test(unit) || /^day/.test(unit))
    return { kind: 'date', day: day.plus({ days: count }), ...span };
  if (/^(недел|week)/.test(unit)) return { kind: 'date', day: day.plus({ weeks: count }), ...span };
  return { kind: 'date', day: day.plus({ months: count }), ...span };
}

function findPeriodPhrase(text: string, now: DateTime): DateHit | null {
  const today = now.startOf('day');
  const rules: Array<[RegExp, () => { day: DateTime; defaultTime?: TimeOfDay }]> = [
    [
      new RegExp(
        `${B}(?:(?:до|к)\\s+)?конц[ау]\\s+(?:этой\\s+)?недели${E}|${B}(?:by\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?week${E}`,
        'iu',
      ),
      // The week ends on Sunday (ISO 8601, and how Russian calendars print it).
      () => ({ day: today.plus({ days: 7 - today.weekday }), defaultTime: END_OF_DAY }),
    ],
    [
      new RegExp(
        `${B}(?:(?:до|к)\\s+)?конц[ау]\\s+(?:этого\\s+)?месяца${E}|${B}(?:by\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month${E}`,
        'iu',
      ),
      () => ({ day: today.endOf('month').startOf('day'), defaultTime: END_OF_DAY }),
    ],
    [
      new RegExp(
        `${B}(?:(?:до|к)\\s+)?конц[ау]\\s+дня${E}|${B}(?:by\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:day|today)${E}|${B}(?:by\\s+)?eod${E}`,
        'iu',
      ),
      () => ({ day: today, defaultTime: END_OF_DAY }),
    ],
    [
      // A day already gone: read as such, so that the caller can say it is past instead of
      // quietly moving the time to today (chrono leaves these words to the title).
      new RegExp(`${B}позавчера${E}|${B}(?:the\\s+)?day\\s+before\\s+yesterday${E}`, 'iu'),
      () => ({ day: today.minus({ days: 2 }) }),
    ],
    [new RegExp(`${B}вчера${E}|${B}yesterday${E}`, 'iu'), () => ({ day: today.minus({ days: 1 }) })],
    [
      // Chat shorthands chrono does not know.
      new RegExp(`${B}(?:tmrw|tmr|tmw|tmrow|tomoz|2moro|2morrow)${E}`, 'iu'),
      () => ({ day: today.plus({ days: 1 }) }),
    ],
    [
      new RegExp(`${B}(?:на\\s+)?(?:следующей|след\\.?)\\s+неделе${E}|${B}next\\s+week${E}`, 'iu'),
      () => ({ day: today.plus({ days: 8 - today.weekday }) }),
    ],
    [
      new RegExp(`${B}(?:в\\s+)?следующем\\s+месяце${E}|${B}next\\s+month${E}`, 'iu'),
      () => ({ day: today.plus({ months: 1 }).startOf('month') }),
    ],
    [
      new RegExp(
        `${B}(?:на\\s+)?(?:этих\\s+)?выходных${E}|${B}(?:on\\s+|at\\s+)?(?:the\\s+|this\\s+)?weekend${E}`,
        'iu',
      ),
      () => ({ day: today.weekday >= 6 ? today : today.plus({ days: 6 - today.weekday }) }),
    ],
  ];
  for (const [re, make] of rules) {
    const m = findFirst(text, re);
    if (m) return { kind: 'date', ...make(), start: m.start, end: m.end };
  }
  return null;
}

function findNumericDate(text: string, now: DateTime, language: 'ru' | 'en'): DateHit | null {
  const iso = findFirst(text, /(?<![\d./])(\d{4})-(\d{2})-(\d{2})(?![\d])/u);
  if (iso) return dateHit(text, now, Number(iso[1]), Number(iso[2]), Number(iso[3]), iso);
  // ru writes 12.12 and 25.12.2026; en writes 12/25 and 12/25/2026 (month first).
  const m = findFirst(text, /(?<![\d./:])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d:]|\.\d)/u);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const monthFirst = m[2] === '/' && language === 'en';
  const year = m[4] ? (m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4])) : undefined;
  return dateHit(text, now, year, monthFirst ? a : b, monthFirst ? b : a, m);
}

function findDayOfMonth(text: string, now: DateTime): DateHit | null {
  const m = findFirst(
    text,
    new RegExp(
      `${B}(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)${E}|${B}(\\d{1,2})(?:-?го\\s+числа|\\s+числа|-?го)${E}`,
      'iu',
    ),
  );
  if (!m) return null;
  const dayOfMonth = Number(m[1] ?? m[2]);
  if (dayOfMonth < 1 || dayOfMonth > 31) return null;
  const today = now.startOf('day');
  let day = today.set({ day: dayOfMonth });
  // Months too short for the 31st are skipped rather than spilling into the next month.
  for (let i = 0; (day < today || day.day !== dayOfMonth) && i < 12; i++)
    day = today.plus({ months: i + 1 }).set({ day: dayOfMonth });
  return { kind: 'date', day, ...withPreposition(text, m) };
}

function dateHit(
  text: string,
  now: DateTime,
  year: number | undefined,
  month: number,
  day: number,
  span: Span,
): DateHit | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const today = now.startOf('day');
  let date = today.set({ year: year ?? today.year, month, day });
  if (!date.isValid || date.day !== day) return null;
  if (year === undefined && date < today) date = date.plus({ years: 1 });
  return { kind: 'date', day: date, ...withPreposition(text, span) };
}

// chrono reads only words that name a day: "plan the week" or "неделю" alone is no date.
const DAY_WORD =
  /\d|today|tonight|tomorrow|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|сегодня|завтра|понедельн|вторник|сред|четверг|пятниц|суббот|воскресен|янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек/iu;

function findWithChrono(text: string, now: DateTime, language: 'ru' | 'en'): DateHit | null {
  const parser = language === 'ru' ? chrono.ru : chrono.en;
  const ref = { instant: floating(now), timezone: 0 };
  // Masked parts leave runs of spaces, and chrono misreads "3 декабря      " as just "декабря".
  const { compact, origin } = collapseSpaces(text);
  for (const result of parser.parse(compact, ref, { forwardDate: true })) {
    const start = origin[result.index] ?? 0;
    const end = (origin[result.index + result.text.trimEnd().length - 1] ?? start) + 1;
    // A match inside a word ("дек" in "деканат") is not a date.
    if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    if (!DAY_WORD.test(result.text)) continue;
    const c = result.start;
    const dated = c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month');
    if (!dated) continue;
    const date = c.date();
    const day = now
      .startOf('day')
      .set({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
    // A day in the past ("yesterday", "в прошлый вторник") is a statement, not a due date.
    if (day < now.startOf('day')) continue;
    const weekday = c.isCertain('weekday') && !c.isCertain('day');
    // "в понедельник" said on a Monday means the next one; today would be "сегодня".
    const due = weekday && day.equals(now.startOf('day')) ? day.plus({ weeks: 1 }) : day;
    return hitOn(due, { start, end }, text, c);
  }
  return null;
}

function collapseSpaces(text: string): { compact: string; origin: number[] } {
  let compact = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (/\s/u.test(ch) && /\s$/u.test(compact)) continue;
    compact += /\s/u.test(ch) ? ' ' : ch;
    origin.push(i);
  }
  return { compact, origin };
}

function hitOn(day: DateTime, span: Span, text: string, c: chrono.ParsedComponents): DateHit {
  const time = c.isCertain('hour') ? { hour: c.get('hour') ?? 9, minute: c.get('minute') ?? 0 } : undefined;
  return { kind: 'date', day, ...(time ? { time } : {}), ...withPreposition(text, span) };
}

// chrono knows "в пятницу" but not "к пятнице" / "до среды" / "ко вторнику".
const RU_WEEKDAYS = [
  'понедельник[ау]?',
  'вторник[ау]?',
  'сред[аеуы]',
  'четверг[ау]?',
  'пятниц[аеуы]',
  'суббот[аеуы]',
  'воскресень[еяю]',
];

function findRussianWeekday(text: string, now: DateTime): DateHit | null {
  for (const [i, form] of RU_WEEKDAYS.entries()) {
    const m = findFirst(text, new RegExp(`${B}(?:(?:к|ко|до|в|во|на|с|со)\\s+)?${form}${E}`, 'iu'));
    if (!m) continue;
    const today = now.startOf('day');
    const ahead = (i + 1 - today.weekday + 7) % 7 || 7;
    return { kind: 'date', day: today.plus({ days: ahead }), start: m.start, end: m.end };
  }
  return null;
}
