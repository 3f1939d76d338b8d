import { describe, expect, it } from 'vitest';
import { understandOffline } from './offline-understand.ts';

// Sunday 1 March 2026, 21:00 in Moscow.
const now = new Date('2026-03-01T18:00:00Z');
const read = (text: string, timezone = 'Europe/Moscow') => understandOffline({ text, now, timezone });

describe('understandOffline', () => {
  it('reads a Russian reminder with a time', () => {
    expect(read('Напомни завтра в 10 позвонить маме')).toMatchObject({
      intent: 'reminder',
      title: 'Позвонить маме',
      dueAt: '2026-03-02T10:00:00+03:00',
      allDay: false,
      language: 'ru',
    });
  });

  it('reads weekday names forward, never into the past', () => {
    expect(read('сдать отчёт в пятницу')).toMatchObject({
      intent: 'task',
      dueAt: '2026-03-06T09:00:00+03:00',
      allDay: true,
    });
    expect(read('call the bank on friday')).toMatchObject({
      intent: 'task',
      dueAt: '2026-03-06T09:00:00+03:00',
    });
  });

  it('resolves local times across a DST change in the user zone', () => {
    // New York moves to summer time on 8 March 2026.
    const r = read('dentist on March 10 at 9am', 'America/New_York');
    expect(r.dueAt).toBe('2026-03-10T09:00:00-04:00');
  });

  it('finds repetition, with the time of day in the rule', () => {
    expect(read('каждый день в 8 пить витамины').rrule).toBe('FREQ=DAILY;BYHOUR=8;BYMINUTE=0');
    expect(read('gym every monday and thursday at 7pm').rrule).toBe(
      'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0',
    );
    expect(read('по пятницам в 18 созвон с командой').rrule).toBe(
      'FREQ=WEEKLY;BYDAY=FR;BYHOUR=18;BYMINUTE=0',
    );
    // No day or time said: the series starts at the next 09:00 (Monday the 2nd) and keeps that day.
    expect(read('pay rent monthly')).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=2;BYHOUR=9;BYMINUTE=0',
      dueAt: '2026-03-02T09:00:00+03:00',
    });
  });

  it('tells bookings, notes and chat apart', () => {
    expect(read('Записаться к парикмахеру на субботу').intent).toBe('booking');
    expect(read('book an appointment with the therapist next week').intent).toBe('booking');
    expect(read('Идея: бот для учёта полива растений').intent).toBe('note');
    expect(read('https://example.com/article').intent).toBe('note');
    expect(read('привет, как дела?').intent).toBe('chat');
    expect(read('what do you think about my plan?').intent).toBe('chat');
  });

  it('sets priority for tasks only and guesses a category', () => {
    expect(read('срочно оплатить налог до понедельника')).toMatchObject({
      priority: 'high',
      category: 'finance',
    });
    expect(read('clean the garage someday')).toMatchObject({ priority: 'low', category: 'home' });
    expect(read('Цитата: «Краткость — сестра таланта»').priority).toBeNull();
  });
});
