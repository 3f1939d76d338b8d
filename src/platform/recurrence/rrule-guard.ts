import { DomainError } from '../errors/domain-error.ts';

/**
 * The one gate every RRULE passes before `rrule` ever sees it. `rrule` 2.8 trusts its input: a
 * negative INTERVAL loops forever, out-of-range parts throw deep inside it, impossible combinations
 * make it search to the year 9999. Here each part is parsed and range-checked on its own (RFC 5545
 * §3.3.10, narrowed to what a reminder needs); what the rule costs to evaluate is bounded in
 * bounded-rrule.ts.
 */

const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'] as const;
export type GuardedFreq = (typeof FREQS)[number];
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
/** Largest INTERVAL per frequency: one step never jumps past the ten years a search looks ahead. */
const MAX_INTERVAL: Record<GuardedFreq, number> = {
  YEARLY: 10,
  MONTHLY: 120,
  WEEKLY: 520,
  DAILY: 3650,
  HOURLY: 8760,
};
const MAX_COUNT = 100_000;
/** The most days each month can have (February's 29th exists in leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_LENGTH = 500;
const MAX_LIST = 60;

export const rruleInvalid = (rule: string, why: string) =>
  new DomainError(
    'unprocessable',
    'rrule_invalid',
    `Invalid recurrence rule "${rule.slice(0, 120)}": ${why}`,
    {
      rrule: rule.slice(0, MAX_LENGTH),
    },
  );

type Check = (value: string, freq: GuardedFreq) => string | null;

const int = (s: string) => (/^[+-]?\d{1,6}$/.test(s) ? Number(s) : Number.NaN);
const list =
  (min: number, max: number, signed: boolean, label: string): Check =>
  (value) => {
    const items = value.split(',');
    if (items.length > MAX_LIST) return `${label} lists at most ${MAX_LIST} values`;
    for (const item of items) {
      const n = int(item);
      const ok =
        Number.isInteger(n) && (signed ? Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max);
      if (!ok) return `${label} must be ${signed ? `±${min}…${max}` : `${min}…${max}`}, not "${item}"`;
    }
    return null;
  };
const onlyFor =
  (freqs: GuardedFreq[], check: Check, part: string): Check =>
  (value, freq) =>
    freqs.includes(freq) ? check(value, freq) : `${part} is not allowed with FREQ=${freq}`;

const PARTS: Record<string, Check> = {
  FREQ: () => null,
  INTERVAL: (value, freq) => {
    const n = int(value);
    return Number.isInteger(n) && n >= 1 && n <= MAX_INTERVAL[freq]
      ? null
      : `INTERVAL must be 1…${MAX_INTERVAL[freq]} with FREQ=${freq}`;
  },
  COUNT: (value) => {
    const n = int(value);
    return Number.isInteger(n) && n >= 1 && n <= MAX_COUNT ? null : `COUNT must be 1…${MAX_COUNT}`;
  },
  UNTIL: (value) => {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
    if (!m) return 'UNTIL must look like 20261231 or 20261231T235959Z';
    const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((p) => Number(p ?? 0));
    const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
    const valid =
      date.getUTCMonth() === (mo ?? 1) - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
    return valid && (y ?? 0) >= 1970 && (y ?? 0) <= 9999 ? null : 'UNTIL is not a date between 1970 and 9999';
  },
  BYDAY: (value, freq) => {
    const items = value.split(',');
    if (items.length > MAX_LIST) return `BYDAY lists at most ${MAX_LIST} values`;
    for (const item of items) {
      const m = DAY.exec(item);
      if (!m) return `BYDAY takes MO…SU, optionally numbered like 1MO or -1FR, not "${item}"`;
      if (m[1] === undefined) continue;
      const n = Math.abs(Number(m[1]));
      const max = freq === 'MONTHLY' ? 5 : 53;
      if (freq !== 'MONTHLY' && freq !== 'YEARLY')
        return `a numbered BYDAY ("${item}") needs FREQ=MONTHLY or YEARLY`;
      if (n < 1 || n > max) return `a numbered BYDAY must be ±1…${max}, not "${item}"`;
    }
    return null;
  },
  BYMONTHDAY: onlyFor(
    ['YEARLY', 'MONTHLY', 'DAILY', 'HOURLY'],
    list(1, 31, true, 'BYMONTHDAY'),
    'BYMONTHDAY',
  ),
  BYYEARDAY: onlyFor(['YEARLY', 'HOURLY'], list(1, 366, true, 'BYYEARDAY'), 'BYYEARDAY'),
  BYWEEKNO: onlyFor(['YEARLY'], list(1, 53, true, 'BYWEEKNO'), 'BYWEEKNO'),
  BYMONTH: list(1, 12, false, 'BYMONTH'),
  BYHOUR: list(0, 23, false, 'BYHOUR'),
  BYMINUTE: list(0, 59, false, 'BYMINUTE'),
  BYSETPOS: list(1, 366, true, 'BYSETPOS'),
  WKST: (value) => (/^(MO|TU|WE|TH|FR|SA|SU)$/.test(value) ? null : 'WKST takes MO…SU'),
};

/**
 * Checks a rule as the parser or the API gives it (optionally prefixed "RRULE:") and returns it
 * upper-cased without the prefix. Throws a 422 DomainError naming the first bad part.
 */
export function checkRrule(input: string): string {
  if (typeof input !== 'string' || input.length > MAX_LENGTH)
    throw rruleInvalid(String(input), `a rule is at most ${MAX_LENGTH} characters`);
  const rule = input
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const parts = new Map<string, string>();
  for (const part of rule.split(';').filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq) : part;
    const value = eq > 0 ? part.slice(eq + 1) : '';
    if (!(name in PARTS) || !value) throw rruleInvalid(input, `"${part.slice(0, 40)}" is not allowed here`);
    if (parts.has(name)) throw rruleInvalid(input, `${name} appears twice`);
    parts.set(name, value);
  }
  const freq = parts.get('FREQ') as GuardedFreq | undefined;
  if (!freq) throw rruleInvalid(input, 'FREQ is required');
  if (!FREQS.includes(freq))
    throw rruleInvalid(input, 'FREQ must be YEARLY, MONTHLY, WEEKLY, DAILY or HOURLY');
  for (const [name, value] of parts) {
    const why = PARTS[name]?.(value, freq);
    if (why) throw rruleInvalid(input, why);
  }
  if (parts.has('COUNT') && parts.has('UNTIL'))
    throw rruleInvalid(input, 'COUNT and UNTIL exclude each other');
  // Reminders are at most hourly: many BYHOUR × BYMINUTE times would make a minutely rule in disguise.
  const count = (name: string) => parts.get(name)?.split(',').length ?? 1;
  const perPeriod = freq === 'HOURLY' ? count('BYMINUTE') : count('BYHOUR') * count('BYMINUTE');
  if (perPeriod > (freq === 'HOURLY' ? 4 : 24))
    throw rruleInvalid(input, 'at most 24 times a day (4 an hour): BYHOUR × BYMINUTE lists too many');
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS'))
    throw rruleInvalid(input, 'BYSETPOS needs another BY… part to pick from');
  return [...parts].map(([k, v]) => `${k}=${v}`).join(';');
}

/**
 * Refuses (422 `rrule_never`) a rule checked by `checkRrule` whose BYMONTHDAY names a day none of
 * its BYMONTH months has (the 31st of February, April, June, September and November): it never
 * occurs, whatever the frequency, and arithmetic says so without a search. For rules as the user
 * gives them: reminders read a bare "monthly on the 31st" as the last day of shorter months, and
 * that reading must not turn an impossible rule into a plausible one. Stored rules are not
 * refused here, so a series written before this check keeps firing as it did.
 */
export function refuseImpossibleDays(rule: string): void {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const monthDays = parts.get('BYMONTHDAY');
  const months = parts.get('BYMONTH');
  if (!monthDays || !months) return;
  const longest = Math.max(...months.split(',').map((m) => MONTH_DAYS[Number(m) - 1] ?? 0));
  if (monthDays.split(',').every((d) => Math.abs(Number(d)) > longest))
    throw new DomainError(
      'unprocessable',
      'rrule_never',
      `The recurrence never occurs: no month in BYMONTH=${months} has a day ${monthDays}`,
      { rrule: rule },
    );
}
