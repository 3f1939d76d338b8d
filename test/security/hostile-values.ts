import fc from 'fast-check';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const UUID = '0190a0e0-0000-7000-8000-000000000000';

/** Strings an attacker or a careless client sends: controls, bidi and zero-width marks, lone surrogates, injections. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0007bell\u001b[31m',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\u200D',
  '\uFEFF',
  '\uD800',
  '𝕏'.repeat(600),
  'x'.repeat(70_000),
  "'; DROP TABLE tasks; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style payload, literally.
  '${jndi:ldap://x}',
];
export const HOSTILE_DATES = [
  '0000-01-01T00:00:00+01:00',
  '0001-01-01T00:00:00-05:00',
  '9999-12-31T23:59:59-14:00',
  '1969-12-31T23:59:59Z',
  '2026-02-30T10:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-13-01T00:00:00Z',
  'tomorrow',
];
/** Calendar dates (YYYY-MM-DD parameters): out of 1970–9999, days that do not exist, and far ends that make a huge range. */
export const HOSTILE_DAYS = [
  '0000-01-01',
  '9999-12-31',
  '1969-12-31',
  '2026-02-30',
  '2026-13-01',
  '+275760-09-13',
  '2031-05-05T10:00:00Z',
  'tomorrow',
];
export const HOSTILE_ZONES = [
  'Mars/Olympus',
  'Etc/GMT+99',
  '../../../etc/localtime',
  'UTC\u0000',
  'x'.repeat(300),
  '',
];
export const HOSTILE_RRULES = [
  'FREQ=DAILY;INTERVAL=-1',
  'FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=WEEKLY;BYWEEKNO=54',
  'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6;BYMONTHDAY=1',
  'FREQ=DAILY;BYHOUR=25',
  'FREQ=DAILY;BYMINUTE=60',
  'FREQ=DAILY;COUNT=-1',
  'FREQ=WEEKLY;BYDAY=XX',
  'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0',
  'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=10',
  'FREQ=HOURLY;INTERVAL=2;BYHOUR=3',
  'FREQ=DAILY;INTERVAL=7;BYDAY=TU',
  'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29',
  'FREQ=DAILY;UNTIL=00000101',
  'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6,9,11',
  `FREQ=DAILY;BYHOUR=${Array.from({ length: 24 }, (_, i) => i).join(',')};BYMINUTE=${Array.from({ length: 60 }, (_, i) => i).join(',')}`,
];
export const HOSTILE_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%2e%2e%2f',
  'x'.repeat(3000),
  "1'OR'1'='1",
  UUID.toUpperCase(),
];
export const HOSTILE_CURSORS = [
  b64({ k: 1e300, i: UUID }),
  b64({ k: -1e20, i: UUID }),
  b64({ k: 'x', i: UUID }),
  b64({ k: 1, i: '-'.repeat(36) }),
  b64('null'),
  b64('[]'),
  'garbage!!',
  'x'.repeat(300),
];
export const WRONG_TYPES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e300,
  -1e300,
  2 ** 53 + 1,
  [],
  {},
  [['deep']],
  { $ne: 1 },
];
export const HOSTILE_BODIES = [
  'not json',
  '[]',
  'null',
  '{"a":',
  '"string"',
  '{}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];

/** A few values for one property of a request, picked by what the property is. */
export function valuesFor(
  name: string,
  schema: Record<string, unknown>,
  seed: number,
  runs: number,
): unknown[] {
  const format = String(
    schema.format ?? (schema.anyOf as Array<{ format?: string }> | undefined)?.[0]?.format ?? '',
  );
  const pool =
    format === 'date'
      ? HOSTILE_DAYS
      : format === 'date-time' || /(_at|_from|_to|^from|^to|until|now)$/.test(name)
        ? HOSTILE_DATES
        : /rrule/.test(name)
          ? HOSTILE_RRULES
          : /timezone/.test(name)
            ? HOSTILE_ZONES
            : /cursor/.test(name)
              ? HOSTILE_CURSORS
              : format === 'uuid' || /(^|_)id$/.test(name)
                ? HOSTILE_IDS
                : HOSTILE_STRINGS;
  const arbitrary = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
  return fc.sample(arbitrary, { seed, numRuns: runs });
}
