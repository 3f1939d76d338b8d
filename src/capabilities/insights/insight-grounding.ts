import type { Figures } from './insight-types.ts';

/** A number as the insight writes it: a calendar date, a clock time or a plain number. */
export type WrittenNumber =
  | { kind: 'date'; text: string }
  | { kind: 'time'; text: string; hour: number; minute: number }
  | { kind: 'number'; text: string; value: number };

// Dates and clock times first, so "2037-03-08" is one date and "19:00" one time, not three numbers.
// A decimal takes "." or "," (ru writes "2,5"); "7-day", "3rd" and "5%" yield 7, 3 and 5.
const TOKEN = /(\d{4})-(\d{2})-(\d{2})|(\d{1,2}):(\d{2})(?!\d)|\d+(?:[.,]\d+)?/g;

/** Every number written in a text, in order. Course names are passed to skip the digits in them. */
export function writtenNumbers(text: string, skip: readonly string[] = []): WrittenNumber[] {
  let rest = text;
  for (const name of skip) if (/\d/.test(name)) rest = rest.split(name).join(' ');
  const found: WrittenNumber[] = [];
  for (const m of rest.matchAll(TOKEN)) {
    if (m[1] !== undefined) found.push({ kind: 'date', text: m[0] });
    else if (m[4] !== undefined)
      found.push({ kind: 'time', text: m[0], hour: Number(m[4]), minute: Number(m[5]) });
    else found.push({ kind: 'number', text: m[0], value: Number(m[0].replace(',', '.')) });
  }
  return found;
}

/** What an insight may mention: every number of the figures plus a few values derived from them. */
export interface AllowedValues {
  numbers: Set<number>;
  /** Hours a "HH:00" may name: the busiest hour (and the next, for "19–20"), any hour with a completion. */
  hours: Set<number>;
  dates: Set<string>;
}

export function allowedValues(f: Figures): AllowedValues {
  const numbers = new Set<number>();
  const collect = (v: unknown): void => {
    if (typeof v === 'number') numbers.add(v);
    else if (Array.isArray(v)) for (const x of v) collect(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== 'courseId') collect(x);
  };
  collect(f);
  const dates = new Set<string>([f.period.from, f.period.to, ...f.perDay.map((d) => d.date)]);
  for (const c of f.courses) if (c.projectedFinish) dates.add(c.projectedFinish);
  // Derived values a sentence naturally carries, each computed here (never by the model):
  numbers.add(f.perDay.length); // "the last 7 days"
  for (const date of dates) numbers.add(Number(date.slice(8, 10))); // "8 March"
  numbers.add(f.tasks.due - f.tasks.dueDone); // tasks that were due and not done
  numbers.add(f.reminders.done + f.reminders.skipped + f.reminders.snoozed);
  for (const c of f.courses) numbers.add(c.topics - c.learned); // topics left
  const hours = new Set<number>();
  f.hours.forEach((count, hour) => {
    if (count > 0) hours.add(hour);
  });
  if (f.bestHour !== null) {
    hours.add(f.bestHour);
    hours.add((f.bestHour + 1) % 24);
    numbers.add((f.bestHour + 1) % 24);
  }
  return { numbers, hours, dates };
}

const known = (numbers: Set<number>, value: number) => [...numbers].some((n) => Math.abs(n - value) < 1e-9);

/**
 * Checks a model's insight against the figures: every date, clock time and number in it must be one
 * of the allowed values. Returns the ones that are not (empty = grounded).
 */
export function inventedNumbers(text: string, f: Figures): string[] {
  const allowed = allowedValues(f);
  const invented: string[] = [];
  for (const w of writtenNumbers(
    text,
    f.courses.map((c) => c.name),
  )) {
    const ok =
      w.kind === 'date'
        ? allowed.dates.has(w.text)
        : w.kind === 'time'
          ? w.minute === 0 && allowed.hours.has(w.hour)
          : known(allowed.numbers, w.value);
    if (!ok) invented.push(w.text);
  }
  return invented;
}
