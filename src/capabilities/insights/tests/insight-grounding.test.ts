import { describe, expect, it } from 'vitest';
import { inventedNumbers, writtenNumbers } from '../insight-grounding.ts';
import type { Figures } from '../insight-types.ts';

const hours = Array.from({ length: 24 }, () => 0);
hours[9] = 3;
hours[19] = 4;
// A week in Moscow: 7 done of 9 created, 5 of 6 due done (83%), a 4-day streak, busiest at 19.
const figures: Figures = {
  period: { kind: 'week', from: '2037-03-02', to: '2037-03-08', timezone: 'Europe/Moscow' },
  tasks: {
    created: 9,
    completed: 7,
    due: 6,
    dueDone: 5,
    completionRate: 83,
    onTimeRate: 80,
    averageLatenessMinutes: 45,
    overdueNow: 2,
  },
  streaks: { current: 4, best: 11 },
  perDay: [0, 2, 1, 0, 3, 1, 0].map((completed, i) => ({ date: `2037-03-0${i + 2}`, completed })),
  hours,
  weekdays: [0, 2, 1, 0, 3, 1, 0],
  bestHour: 19,
  bestWeekday: 5,
  reminders: { done: 6, skipped: 1, snoozed: 2 },
  courses: [
    {
      courseId: '0194f5a1-7c3e-7d21-9b8e-3f6a2c1d4e5f',
      name: 'Calculus 101',
      topics: 12,
      learned: 5,
      learnedInPeriod: 2,
      pacePerWeek: 1.5,
      projectedFinish: '2037-04-20',
    },
  ],
  notes: { filed: 0, perTopic: [] },
  bookings: { kept: 0, noShows: 0, cancelled: 0, upcoming: 0 },
};

describe('writtenNumbers', () => {
  it('reads dates, clock times, decimals (either separator) and numbers glued to words', () => {
    expect(writtenNumbers('by 2037-04-20 at 19:00, a 7-day run, 2,5 or 1.5 topics, 83%')).toEqual([
      { kind: 'date', text: '2037-04-20' },
      { kind: 'time', text: '19:00', hour: 19, minute: 0 },
      { kind: 'number', text: '7', value: 7 },
      { kind: 'number', text: '2,5', value: 2.5 },
      { kind: 'number', text: '1.5', value: 1.5 },
      { kind: 'number', text: '83', value: 83 },
    ]);
  });
  it('skips the digits of a course name', () => {
    expect(writtenNumbers('«Calculus 101»: 5 of 12', ['Calculus 101']).map((n) => n.text)).toEqual([
      '5',
      '12',
    ]);
  });
});

describe('inventedNumbers', () => {
  const grounded: Array<[string, string]> = [
    [
      'en',
      'You finished 5 of the 6 tasks that were due — 83%. A 4-day streak (best 11). ' +
        'You get most done around 19:00, so plan the hard things then.',
    ],
    [
      'en',
      'In the last 7 days "Calculus 101" moved to 5/12 topics; at 1.5 a week you finish by 2037-04-20, 7 topics left.',
    ],
    ['en', 'On time 80% of the time, 45 minutes late on average; 2 tasks are overdue. Start Monday 2 March.'],
    ['en', 'Reminders: 9 in all, 6 done. One task that was due slipped: 1.'],
    ['ru', 'За 7 дней вы выполнили 5 из 6 задач — 83%. Серия 4 дня, лучшая — 11.'],
    ['ru', 'Темп по курсу «Calculus 101» — 1,5 темы в неделю. Больше всего вы успеваете с 19:00 до 20:00.'],
    ['ru', 'Вы молодец — так держать!'],
  ];
  it.each(grounded)('accepts a grounded insight (%s): %s', (_language, text) => {
    expect(inventedNumbers(text, figures)).toEqual([]);
  });

  const invented: Array<[string, string, string[]]> = [
    ['en', 'You completed 93% of your tasks.', ['93']],
    ['en', 'That is 15 points better than the week before.', ['15']],
    ['en', 'Your best time is 21:00.', ['21:00']],
    ['en', 'Plan the hard things at 19:30.', ['19:30']],
    ['en', 'At 2.5 topics a week you would finish sooner.', ['2.5']],
    ['en', 'You will finish "Calculus 101" by 2037-05-01.', ['2037-05-01']],
    ['en', 'Calculus 102 is next: 5 of 12.', ['102']],
    ['ru', 'Вы выполнили на 15% больше, чем неделей раньше.', ['15']],
    ['ru', 'Темп — 1,7 темы в неделю, 30 дней до конца курса.', ['1,7', '30']],
    ['ru', 'Лучшее время — 08:00.', ['08:00']],
  ];
  it.each(invented)('rejects an invented number (%s): %s', (_language, text, bad) => {
    expect(inventedNumbers(text, figures)).toEqual(bad);
  });
});
