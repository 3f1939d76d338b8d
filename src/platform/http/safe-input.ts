import { z } from '@hono/zod-openapi';

/**
 * The text and date policy at the boundary, decided once. HTTP callers get a 422 for C0 control
 * characters (other than tab and newline) and for dates outside 1970–9999: such input is a client
 * bug or an attack, and rejecting it tells them. Telegram users cannot be told with a status code,
 * so text that arrives in an update has the same characters stripped instead (`stripControls`).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_ALL = /[\u0000-\u0008\u000B-\u001F]/g;
const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(10_000, 0, 1) - 1;

/** zod issues carrying this param make the validation hook answer 422 instead of 400. */
export const UNPROCESSABLE = { unprocessable: true } as const;

export const hasControlCharacters = (text: string) => CONTROL.test(text);

/** Removes C0 controls other than tab and newline (Telegram input: strip, never refuse). */
export const stripControls = (text: string) => text.replace(CONTROL_ALL, '');

/** Whether a date lies in 1970–9999 (what every stored timestamp and every luxon/rrule call copes with). */
export const isSupportedDate = (date: Date) => {
  const t = date.getTime();
  return Number.isFinite(t) && t >= MIN_TIME && t <= MAX_TIME;
};

/** A user-written string: bounded length and no control characters (422 when it has any). */
export function safeText(options: { max: number; min?: number }) {
  return z
    .string()
    .min(options.min ?? 0)
    .max(options.max)
    .refine((text) => !hasControlCharacters(text), {
      message: 'must not contain control characters (only tab and newline are allowed)',
      params: UNPROCESSABLE,
    });
}

/** An ISO 8601 date-time with an offset, in 1970–9999 (422 outside). */
export function safeDateTime() {
  // A text that is no date at all is the format check's to report (400), not this one's.
  return z.iso
    .datetime({ offset: true })
    .refine((text) => Number.isNaN(Date.parse(text)) || isSupportedDate(new Date(text)), {
      message: 'must be a date between 1970 and 9999',
      params: UNPROCESSABLE,
    });
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD text names a day that exists (not 2026-02-30) in 1970–9999. */
export function isSupportedDay(text: string): boolean {
  if (!DATE_ONLY.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  // V8 rolls 2026-02-30 over to 2 March: a day exists when it reads back the same.
  return Number.isFinite(t) && isSupportedDate(new Date(t)) && new Date(t).toISOString().startsWith(text);
}

/** A local calendar date YYYY-MM-DD (400 when not shaped like one, 422 when no such day in 1970–9999). */
export function safeDay() {
  return z
    .string()
    .regex(DATE_ONLY, 'must be a date YYYY-MM-DD')
    .refine((text) => !DATE_ONLY.test(text) || isSupportedDay(text), {
      message: 'must be a date that exists, between 1970 and 9999',
      params: UNPROCESSABLE,
    })
    .openapi({ format: 'date', example: '2031-05-05' });
}

/**
 * Days a from/to pair spans, by arithmetic on the two texts alone (nothing is built from them):
 * YYYY-MM-DD dates count both ends (to is inclusive), date-times do not. Negative when reversed,
 * NaN when either is no date.
 */
export function spanDays(from: string, to: string): number {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  return DATE_ONLY.test(from) && DATE_ONLY.test(to) ? days + 1 : days;
}

/**
 * An object-level check that a request's range is at most `maxDays` long (422 beyond), run by
 * zod before the handler: every range parameter is bounded before anything is built from it.
 * Missing ends and a reversed order are left to the route or the service to report.
 */
export function spanAtMost(maxDays: number, keys: { from: string; to: string } = { from: 'from', to: 'to' }) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = value[keys.from];
    const to = value[keys.to];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    if (spanDays(from, to) > maxDays)
      ctx.addIssue({
        code: 'custom',
        path: [keys.to],
        message: `must be at most ${maxDays} days after ${keys.from}`,
        params: UNPROCESSABLE,
      });
  };
}

/** An IANA zone name as a caller may send it: bounded, plain characters (the service checks it exists). */
export const safeZoneName = () =>
  z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/, 'must be an IANA zone name like Europe/Berlin');

/** Whether raw JSON text nests arrays/objects deeper than `max` (checked before parsing: walking a deep tree overflows the stack). */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}

/**
 * The path of the first string (value or key) in a parsed JSON tree that holds a C0 control
 * character other than tab and newline, or undefined. Expects a tree already checked by `jsonTooDeep`.
 */
export function findControlCharacters(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacters(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (CONTROL.test(key)) return at;
      const found = findControlCharacters(v, at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A Telegram update with every C0 control in its strings and keys (bar tab and newline) turned
 * into a space and every lone surrogate into U+FFFD. A space rather than nothing: message entities address the text by UTF-16 offsets,
 * which must stay true. Expects a tree already checked by `jsonTooDeep`.
 */
export function sanitizeUpdate<T>(value: T): T {
  // A lone surrogate becomes U+FFFD (also one UTF-16 unit): jsonb refuses unpaired surrogates.
  if (typeof value === 'string')
    return (CONTROL.test(value) ? value.replace(CONTROL_ALL, ' ') : value).toWellFormed() as T;
  if (Array.isArray(value)) return value.map(sanitizeUpdate) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [sanitizeUpdate(k), sanitizeUpdate(v)]),
    ) as T;
  return value;
}
