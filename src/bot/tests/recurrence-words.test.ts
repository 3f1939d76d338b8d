import { describe, expect, it } from 'vitest';
import { parseText } from '../../platform/nl/index.ts';
import { createI18n } from '../i18n.ts';
import { describeRecurrence } from '../recurrence-words.ts';

const i18n = createI18n();
const now = new Date('2026-11-23T07:00:00Z'); // Monday 10:00 in Moscow
const timezone = 'Europe/Moscow';

function words(language: 'ru' | 'en', text: string) {
  const parsed = parseText(text, { timezone, now });
  if (!parsed.rrule || !parsed.dueAt) throw new Error(`"${text}" has no rule`);
  const t = (key: string, vars?: Record<string, string | number>) => i18n.t(language, key, vars);
  return describeRecurrence(t, parsed.rrule, { at: parsed.dueAt, timezone, language });
}

// One phrase for every rule shape the parser produces (see RULES in platform/nl/recurrence.ts).
const PHRASES: Array<[string, string, string]> = [
  ['every weekday at 8:30 stand-up', 'every weekday at 08:30', 'по будням в 08:30'],
  ['every weekend at 10 water the plants', 'every weekend at 10:00', 'по выходным в 10:00'],
  [
    'every other week on Tuesday at 18:00 pay rent',
    'every 2 weeks on Tue at 18:00',
    'каждые 2 недели по вт в 18:00',
  ],
  [
    'каждые 3 недели в пятницу в 19:00 отчёт',
    'every 3 weeks on Fri at 19:00',
    'каждые 3 недели по пт в 19:00',
  ],
  ['every Monday and Wednesday at 7am gym', 'every Mon, Wed at 07:00', 'по пн, ср в 07:00'],
  ['по четвергам в 20:00 созвон', 'every Thu at 20:00', 'по чт в 20:00'],
  ['on Fridays at 17:00 review', 'every Fri at 17:00', 'по пт в 17:00'],
  ['every week call grandma', 'every Tue at 09:00', 'по вт в 09:00'],
  ['every 3 days at 9 water', 'every 3 days at 09:00', 'каждые 3 дня в 09:00'],
  ['every morning stretch', 'every day at 09:00', 'каждый день в 09:00'],
  ['каждый вечер читать', 'every day at 19:00', 'каждый день в 19:00'],
  ['daily at 22:30 pills', 'every day at 22:30', 'каждый день в 22:30'],
  ['remind me to drink water every 2 hours', 'every 2 hours', 'каждые 2 часа'],
  ['every 5 hours stretch', 'every 5 hours', 'каждые 5 часов'],
  ['каждые 15 минут проверить духовку', 'every 15 minutes', 'каждые 15 минут'],
  ['every hour stand up', 'every hour', 'каждый час'],
  [
    'каждый месяц 5 числа платить за интернет',
    'every month on day 5 at 09:00',
    'каждый месяц 5-го числа в 09:00',
  ],
  [
    'the 15th of every month at 10:00 rent',
    'every month on day 15 at 10:00',
    'каждый месяц 15-го числа в 10:00',
  ],
  ['every year on March 8 congratulate mom', 'every year on 8 March at 09:00', 'каждый год 8 марта в 09:00'],
];

describe('recurrence in words', () => {
  it.each(PHRASES)('%s', (text, en, ru) => {
    expect(words('en', text)).toBe(en);
    expect(words('ru', text)).toBe(ru);
  });

  it('never shows a rule code, even for rules the parser does not write', () => {
    const t = (key: string, vars?: Record<string, string | number>) => i18n.t('en', key, vars);
    const start = { at: now, timezone, language: 'en' };
    expect(describeRecurrence(t, 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1', start)).toBe('on a custom schedule');
    expect(describeRecurrence(t, 'not a rule', start)).toBe('on a custom schedule');
    expect(describeRecurrence(t, 'FREQ=DAILY;COUNT=3;BYHOUR=8;BYMINUTE=0', start)).toBe(
      'every day at 08:00 (3 times)',
    );
  });
});
