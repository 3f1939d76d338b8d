import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/capabilities/insights/export/export-service.ts';
import {
  ADMIN_TELEGRAM_ID,
  type Caller,
  type SecuritySystem,
  startSecuritySystem,
} from './security-support.ts';

/**
 * Issue #29's range and input-class findings, over real HTTP: every range is bounded before
 * anything is built from it, a rule that never occurs is refused, a unique violation is a 409,
 * and the CSV export neutralises formulas.
 */
let s: SecuritySystem;
let alice: Caller;
let admin: Caller;
beforeAll(async () => {
  s = await startSecuritySystem();
  alice = await s.login(750_001, 'Alice');
  admin = await s.login(ADMIN_TELEGRAM_ID, 'Admin');
}, 90_000);
afterAll(() => s?.t.close());

const api = async (caller: Caller, method: string, path: string, body?: unknown) =>
  s.request(method, `/api/v1${path}`, {
    token: caller.token,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const created = async (caller: Caller, method: string, path: string, body?: unknown) => {
  const res = await api(caller, method, path, body);
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as { id: string };
};
const answer = (res: { status: number; type: string; text: string }) => ({
  status: res.status,
  type: res.type,
  code: res.status >= 400 ? (JSON.parse(res.text) as { code: string }).code : undefined,
});
const refused = (status: number, code: string) => ({ status, type: 'application/problem+json', code });

describe('booking slots', () => {
  let query: (from: string, to: string) => string;
  beforeAll(async () => {
    const location = await created(admin, 'POST', '/booking/locations', { name: 'Ranges', timezone: 'UTC' });
    const service = await created(admin, 'POST', '/booking/services', {
      name: 'Visit',
      duration_minutes: 30,
    });
    const specialist = await created(admin, 'POST', '/booking/specialists', {
      telegram_id: 750_100,
      name: 'Vera',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
    await created(admin, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly,
    });
    query = (from, to) =>
      `/booking/slots?service_id=${service.id}&location_id=${location.id}&from=${from}&to=${to}`;
  });

  it("refuses the issue's range with 422 before building it, while /healthz stays responsive", async () => {
    let asking = true;
    const health: number[] = [];
    const probe = (async () => {
      while (asking) health.push((await s.request('GET', '/healthz')).ms);
    })();
    try {
      // The old code built 3.65 million days first (5 s, 400 MB), then answered 400.
      for (const [from, to] of [
        ['0000-01-01', '9999-12-31'],
        ['1970-01-01', '9999-12-31'],
        ['2031-01-01', '2031-03-04'], // 63 days, one over
        ['2031-02-01', '2031-02-30'], // no such day
      ] as const) {
        const res = await api(alice, 'GET', query(from, to));
        expect({ from, to, ...answer(res) }).toEqual({ from, to, ...refused(422, 'input_unprocessable') });
        expect(res.ms).toBeLessThan(1000);
      }
    } finally {
      asking = false;
      await probe;
    }
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  it('answers a range of the longest allowed span, and a reversed one with 400', async () => {
    const ok = await api(alice, 'GET', query('2031-01-01', '2031-03-03')); // 62 days
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.text) as { slots: unknown[] }).slots).toBeInstanceOf(Array);
    expect(answer(await api(alice, 'GET', query('2031-03-03', '2031-01-01')))).toEqual(
      refused(400, 'booking_range_invalid'),
    );
  });
});

describe('other ranges', () => {
  it.each([
    ['stats, a custom period over a year', '/stats?period=custom&from=2030-01-01&to=2031-01-02'],
    ['stats, 1970 to 9999', '/stats/chart.png?period=custom&from=1970-01-01&to=9999-12-31'],
    ['stats, the year 0', '/stats?period=custom&from=0000-01-01&to=0000-01-31'],
    ['occurrences, 1970 to 9999', '/reminders/occurrences?from=1970-01-01T00:00:00Z&to=9999-12-31T00:00:00Z'],
    [
      'occurrences, 366 days and a second',
      '/reminders/occurrences?from=2031-01-01T00:00:00Z&to=2032-01-02T00:00:01Z',
    ],
  ])('%s: 422 before any work', async (_, path) => {
    const res = await api(alice, 'GET', path);
    expect(answer(res)).toEqual(refused(422, 'input_unprocessable'));
    expect(res.ms).toBeLessThan(1000);
  });

  it.each([
    ['stats, a leap year', '/stats?period=custom&from=2032-01-01&to=2032-12-31'],
    ['occurrences, a week', '/reminders/occurrences?from=2031-01-01T00:00:00Z&to=2031-01-08T00:00:00Z'],
    ['occurrences, 366 days', '/reminders/occurrences?from=2031-01-01T00:00:00Z&to=2032-01-02T00:00:00Z'],
  ])('%s: answered', async (_, path) => {
    expect((await api(alice, 'GET', path)).status).toBe(200);
  });
});

describe('a reminder rule that never occurs', () => {
  it('is refused with 422 and stores nothing', async () => {
    const before = (await s.snapshot()).reminders;
    const res = await api(alice, 'POST', '/reminders', {
      text: 'Rent',
      due_at: '2031-03-02T09:00:00+03:00',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6,9,11',
    });
    expect(answer(res)).toEqual(refused(422, 'rrule_never'));
    expect((await s.snapshot()).reminders).toBe(before);
    // The same day in a month that has it is an ordinary rule.
    const fine = await api(alice, 'POST', '/reminders', {
      text: 'Rent',
      due_at: '2031-03-02T09:00:00+03:00',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=1,2',
    });
    expect(fine.status).toBe(201);
  });
});

describe('a name made twice at once', () => {
  it('creates one course and answers the rest 409, never 5xx', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api(alice, 'POST', '/courses', { name: 'Algebra' })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const res of answers.filter((r) => r.status === 409))
      expect(answer(res)).toEqual(refused(409, 'course_exists'));
  });

  it('answers a topic renamed to a taken name with 409', async () => {
    await created(alice, 'POST', '/notes/topics', { name: 'Garden' });
    const other = await created(alice, 'POST', '/notes/topics', { name: 'Kitchen' });
    expect(answer(await api(alice, 'PATCH', `/notes/topics/${other.id}`, { name: 'garden' }))).toEqual(
      refused(409, 'topic_exists'),
    );
  });

  it('maps any unique violation to 409 problem+json: one specialist per Telegram account', async () => {
    const service = await created(admin, 'POST', '/booking/services', {
      name: 'Twice',
      duration_minutes: 30,
    });
    const location = await created(admin, 'POST', '/booking/locations', { name: 'Twice', timezone: 'UTC' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api(admin, 'POST', '/booking/specialists', {
          telegram_id: 750_200,
          name: 'Twin',
          service_ids: [service.id],
          location_ids: [location.id],
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const res of answers.filter((r) => r.status === 409))
      expect(answer(res).type).toBe('application/problem+json');
  });
});

describe('the CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, and stays parseable', async () => {
    const hostile = ['=HYPERLINK("https://evil.example","click")', '+1+2', '-3', '@SUM(A1)'];
    for (const title of hostile)
      await created(alice, 'POST', '/tasks', { title, description: `${title}, again`, category: '=cat' });
    const res = await api(alice, 'GET', '/export?format=csv');
    expect(res.status).toBe(200);
    const rows = parseCsv(res.text, { columns: true }) as Array<Record<string, string>>;
    for (const title of hostile)
      expect(rows.find((r) => r.title === `'${title}`)).toMatchObject({
        description: `'${title}, again`,
        category: "'=cat",
      });
    const formula = /^[=+\-@\t\r]/;
    expect(rows.flatMap((r) => Object.values(r)).filter((cell) => formula.test(cell))).toEqual([]);
  });

  it('neutralises a leading tab or carriage return too (text the API trims, but an import may not)', () => {
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('2031-05-05T10:00:00.000Z')).toBe('2031-05-05T10:00:00.000Z');
  });
});
