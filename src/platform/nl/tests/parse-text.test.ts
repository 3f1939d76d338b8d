import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse-text.ts';
import { isoInZone } from '../zoned-clock.ts';
import { CLOCKS, type ParseCase } from './parse-cases.ts';
import { EN_CASES } from './parse-cases-en.ts';
import { RU_CASES } from './parse-cases-ru.ts';

function run([clock, text]: ParseCase) {
  const { timezone, now } = CLOCKS[clock];
  const parsed = parseText(text, { timezone, now: new Date(now) });
  return {
    intent: parsed.intent,
    title: parsed.title,
    due: parsed.dueAt ? isoInZone(parsed.dueAt, timezone) : null,
    allDay: parsed.allDay,
    rrule: parsed.rrule,
    priority: parsed.priority,
    category: parsed.category,
    course: parsed.course,
  };
}

const expectedOf = ([, , e]: ParseCase) => ({
  intent: e.intent,
  title: e.title,
  due: e.due,
  allDay: e.allDay ?? false,
  rrule: e.rrule ?? null,
  priority: e.priority ?? 'normal',
  category: e.category ?? null,
  course: e.course ?? null,
});

describe('parseText: the phrase table', () => {
  it('has at least 150 phrases, none twice for the same clock', () => {
    const all = [...RU_CASES, ...EN_CASES];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map(([clock, text]) => `${clock}|${text}`)).size).toBe(all.length);
  });

  it.each(RU_CASES)('[%s] %s', (...c) => {
    expect(run(c)).toEqual(expectedOf(c));
  });

  it.each(EN_CASES)('[%s] %s', (...c) => {
    expect(run(c)).toEqual(expectedOf(c));
  });
});

describe('parseText: options', () => {
  const now = new Date(CLOCKS.moscow.now);

  it('reports the language it read and the timezone it used', () => {
    expect(parseText('купить хлеб', { timezone: 'Europe/Moscow', now })).toMatchObject({
      language: 'ru',
      timezone: 'Europe/Moscow',
    });
    expect(parseText('buy bread', { timezone: 'Asia/Kolkata', now }).language).toBe('en');
    expect(parseText('buy bread', { timezone: 'Asia/Kolkata', now, language: 'ru' }).language).toBe('ru');
  });

  it('never returns an empty title', () => {
    for (const text of ['завтра в 9', 'remind me', '!!! #work', 'tomorrow']) {
      expect(parseText(text, { timezone: 'Europe/Moscow', now }).title.trim()).not.toBe('');
    }
  });

  it('rejects an unknown timezone with a coded error', () => {
    expect(() => parseText('купить хлеб', { timezone: 'Mars/Olympus', now })).toThrow(
      expect.objectContaining({ code: 'timezone_unknown' }),
    );
  });
});

describe('parseText: property', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Europe/Moscow', 'Asia/Kolkata'];
  const start = Date.UTC(2026, 0, 1);
  const end = Date.UTC(2027, 0, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const templates = [
    (h: number, m: number) => `напомни завтра в ${pad(h)}:${pad(m)} позвонить маме`,
    (h: number, m: number) => `remind me tomorrow at ${h}:${pad(m)} to call mom`,
    (h: number, m: number) => `напомни в ${h}:${pad(m)} выпить таблетку`,
    (h: number, m: number) => `remind me at ${pad(h)}:${pad(m)} to stretch`,
    (h: number, m: number) => `каждый день в ${h}:${pad(m)} пить воду`,
    (h: number, m: number) => `every day at ${h}:${pad(m)} walk the dog`,
  ];

  it('puts a said wall-clock time in the future, at that time in the user zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: templates.length - 1 }),
        (timezone, ms, hour, minute, which) => {
          const now = new Date(ms);
          const text = (templates[which] ?? templates[0]!)(hour, minute);
          const parsed = parseText(text, { timezone, now });
          expect(parsed.dueAt).not.toBeNull();
          const due = DateTime.fromJSDate(parsed.dueAt!, { zone: timezone });
          expect(parsed.dueAt!.getTime()).toBeGreaterThan(now.getTime());
          // A time skipped by a spring-forward change is moved forward by the gap (one hour here).
          const skipped =
            DateTime.fromObject(
              { year: due.year, month: due.month, day: due.day, hour, minute },
              { zone: timezone },
            ).hour !== hour;
          expect({ hour: due.hour, minute: due.minute }).toEqual({ hour: skipped ? hour + 1 : hour, minute });
          // "tomorrow" is the next local day; otherwise within a day (a daily series, or today/tomorrow).
          const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
          const days = due.startOf('day').diff(today, 'days').days;
          if (/завтра|tomorrow/.test(text)) expect(days).toBe(1);
          else expect(days === 0 || days === 1).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseText: what is not a to-do', () => {
  const now = new Date(CLOCKS.moscow.now);
  it('a long note with a date in it stays a note (issue 11)', () => {
    const note =
      'Мысли после встречи с научником: нужно переписать вторую главу, добавить обзор литературы и не забыть про приложения. На следующей неделе он уезжает, так что обсудим всё уже в декабре, когда он вернётся.';
    expect(parseText(note, { timezone: 'Europe/Moscow', now })).toMatchObject({
      intent: 'unknown',
      dueAt: null,
    });
  });
  it('an impossible clock time is reported, not guessed', () => {
    const parsed = parseText('meeting at 25:00', { timezone: 'Europe/Moscow', now });
    expect(parsed).toMatchObject({ dueAt: null, invalidTime: '25:00' });
    expect(parseText('встреча в 18:75', { timezone: 'Europe/Moscow', now }).invalidTime).toBe('18:75');
    expect(parseText('встреча в 18:45', { timezone: 'Europe/Moscow', now }).invalidTime).toBeUndefined();
  });
});
