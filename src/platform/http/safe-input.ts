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
