import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error.ts';
import { type DateHit, findDate } from './date-phrases.ts';
import { findLeadIn, pickIntent } from './intent.ts';
import { findCategory, findCourse, findCourseMark, findPriority } from './marks.ts';
import type { ParsedText, ParseOptions } from './parsed-text.ts';
import { DAY_CODES, findRecurrence, firstOccurrence, type Recurrence, toRRule } from './recurrence.ts';
import { mask, type Span, trimmed } from './text-spans.ts';
import { findInvalidTime, findPartOfDay, findTime, type TimeHit, type TimeOfDay } from './time-of-day.ts';
import { makeTitle } from './title.ts';
import { instantOf, wallTimeAt } from './zoned-clock.ts';

/** A date said without a time of day is due at 09:00 local: early enough to act on that day. */
export const DEFAULT_TIME: TimeOfDay = { hour: 9, minute: 0 };

/**
 * Reads one line of Russian or English into a task or reminder: what, when (in the user's
 * timezone), how often, how important, which category and course. Pure: `now` is injected.
 */
export function parseText(text: string, options: ParseOptions): ParsedText {
  const { timezone } = options;
  const now = wallTimeAt(options.now, timezone);
  if (!now.isValid)
    throw new DomainError('invalid', 'timezone_unknown', `Unknown timezone "${timezone}"`, { timezone });
  const spans: Span[] = [];
  let work = text;
  const cut = (found: Span | null | undefined) => {
    if (!found) return;
    const span = trimmed(text, found);
    spans.push(span);
    work = mask(work, [span]);
  };

  const leadIn = findLeadIn(work);
  cut(leadIn);
  const priority = findPriority(work);
  for (const s of priority.spans) cut(s);
  const category = findCategory(work);
  for (const s of category.spans) cut(s);
  const courseMark = findCourseMark(work);
  cut(courseMark?.span);
  const recurrence = findRecurrence(work);
  cut(recurrence);
  let time = findTime(work);
  cut(time);
  if (time && !time.part) {
    // "вечером в 7", "at 7 in the evening": the part of the day settles a bare hour.
    const part = findPartOfDay(work);
    if (part) {
      cut(part);
      if (time.hour < 12 && part.hour >= 12) time = { ...time, hour: time.hour + 12, ambiguous: false };
      time = {
        ...time,
        ...(part.today ? { today: true } : {}),
        ...(part.tomorrow ? { tomorrow: true } : {}),
      };
    }
  }
  // The date words decide the language of the line when the caller did not fix one: run both
  // readers, the longer phrase wins ("Submit essay Friday 18:00" in a Russian chat is English).
  const fixed = options.language;
  const read = fixed ? { hit: findDate(work, now, fixed), language: fixed } : findDateAnyLanguage(work, now);
  const date = read?.hit ?? null;
  const language = options.language ?? read?.language ?? detectLanguage(text);
  cut(date);
  const invalidTime = time ? null : findInvalidTime(work);

  let when = recurrence
    ? resolveSeries(recurrence, time, date, now, options.now)
    : resolveOnce(time, date, now, options.now);
  const rest = makeTitle(work, []);
  const marked = priority.spans.length > 0 || category.category !== null || courseMark !== null;
  const intent = pickIntent({
    text,
    rest,
    leadIn,
    recurring: recurrence !== null,
    dated: when.dueAt !== null,
    timed: when.dueAt !== null && !when.allDay,
    relative: date?.kind === 'instant',
    marked,
  });
  // Nothing actionable: the words are the user's own, and a date in a question is not a due date.
  if (intent === 'unknown') when = { dueAt: null, allDay: false, rrule: null };
  const own =
    intent === 'unknown'
      ? makeTitle(text, [])
      : makeTitle(text, spans, { afterLeadIn: leadIn !== null, allowEmpty: true });
  return {
    intent,
    title: own || makeTitle(text, []),
    ...(own ? {} : { untitled: true }),
    dueAt: when.dueAt,
    allDay: when.allDay,
    rrule: when.rrule,
    priority: priority.priority,
    category: category.category,
    course: courseMark?.course ?? findCourse(text),
    language,
    timezone,
    ...(invalidTime ? { invalidTime } : {}),
  };
}

/** Both date readers; the one that read more of the line wins, ties go to the script of the text. */
function findDateAnyLanguage(text: string, now: DateTime): { hit: DateHit; language: 'ru' | 'en' } | null {
  const script = detectLanguage(text);
  const other = script === 'ru' ? 'en' : 'ru';
  const first = findDate(text, now, script);
  const second = findDate(text, now, other);
  const length = (hit: DateHit | null) => (hit ? hit.end - hit.start : 0);
  if (second && length(second) > length(first)) return { hit: second, language: other };
  return first ? { hit: first, language: script } : null;
}

interface When {
  dueAt: Date | null;
  allDay: boolean;
  rrule: string | null;
}

function resolveOnce(time: TimeHit | null, date: DateHit | null, now: DateTime, instant: Date): When {
  if (date?.kind === 'instant') return { dueAt: date.at, allDay: false, rrule: null };
  if (date) {
    const t = time ?? date.time ?? date.defaultTime ?? DEFAULT_TIME;
    return { dueAt: at(date.day, t).toJSDate(), allDay: !time && !date.time, rrule: null };
  }
  if (!time) return { dueAt: null, allDay: false, rrule: null };
  const today = now.startOf('day');
  if (time.tomorrow)
    return { dueAt: at(today.plus({ days: 1 }), time).toJSDate(), allDay: false, rrule: null };
  let due = at(today, time);
  // A bare "в 5" / "at 5" said at 10:00 means 17:00 today, not 05:00 tomorrow.
  if (time.ambiguous && due <= now && at(today, { ...time, hour: time.hour + 12 }) > now)
    due = at(today, { ...time, hour: time.hour + 12 });
  if (due.toJSDate() < instant) due = at(today.plus({ days: 1 }), time);
  return { dueAt: due.toJSDate(), allDay: false, rrule: null };
}

function resolveSeries(
  r: Recurrence,
  time: TimeHit | null,
  date: DateHit | null,
  now: DateTime,
  instant: Date,
): When {
  const rule: Recurrence = { ...r, byDay: [...r.byDay] };
  if (rule.freq === 'HOURLY' || rule.freq === 'MINUTELY') {
    // Clock-free series start one interval from now, counted in real time.
    const step = rule.freq === 'HOURLY' ? { hours: rule.interval } : { minutes: rule.interval };
    const due = DateTime.fromJSDate(instant).plus(step).startOf('minute');
    return { dueAt: due.toJSDate(), allDay: false, rrule: toRRule(rule, null) };
  }
  const said = time ?? (r.hour !== undefined ? { hour: r.hour, minute: 0 } : null);
  const t = said ?? DEFAULT_TIME;
  // "every week" / "ежемесячно" without a day: the series falls on the day it starts (the date
  // said, else the next day the time comes round), spelled out so the rule stands on its own.
  const today = now.startOf('day');
  const anchor = date?.kind === 'date' ? date.day : at(today, t) > now ? today : today.plus({ days: 1 });
  if (rule.freq === 'WEEKLY' && rule.byDay.length === 0) rule.byDay = [DAY_CODES[anchor.weekday - 1] ?? 'MO'];
  if (rule.freq === 'MONTHLY' && !rule.byMonthDay) rule.byMonthDay = anchor.day;
  if (rule.freq === 'YEARLY') Object.assign(rule, { byMonth: anchor.month, byMonthDay: anchor.day });
  // The series starts on the anchor day (or now, if that is today): "every 3 days" counts from there.
  const start = anchor > now ? anchor : now;
  const first = firstOccurrence(rule, t, start);
  const dueAt = first ? DateTime.fromObject(first, { zone: now.zone }).toJSDate() : null;
  return { dueAt, allDay: said === null, rrule: toRRule(rule, t) };
}

/** `t` o'clock on a local day, as a zoned DateTime (DST-correct). */
function at(day: DateTime, t: TimeOfDay): DateTime {
  const zone = day.zoneName ?? 'UTC';
  return DateTime.fromJSDate(
    instantOf({ year: day.year, month: day.month, day: day.day, hour: t.hour, minute: t.minute }, zone),
    { zone },
  );
}

/** Cyrillic letters outnumbering Latin ones → Russian. */
export function detectLanguage(text: string): 'ru' | 'en' {
  const cyr = (text.match(/[а-яё]/giu) ?? []).length;
  const lat = (text.match(/[a-z]/giu) ?? []).length;
  return cyr > lat ? 'ru' : 'en';
}
