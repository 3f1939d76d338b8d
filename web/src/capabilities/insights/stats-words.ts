// The Stats page's words in both languages; a missing translation is a type error.
import type { Language } from '../../api.ts';

const en = {
  periods: 'Period',
  week: 'This week',
  'last-week': 'Last week',
  month: 'This month',
  'last-month': 'Last month',
  tasks: 'Tasks',
  completed: 'Completed',
  created: 'Created',
  completionRate: 'Due and done',
  completionRateValue: '{done} of {due} · {rate}',
  onTimeRate: 'Done on time',
  overdueNow: 'Overdue now',
  streak: 'Streak, days',
  streakValue: '{current} (best {best})',
  bestTime: 'Most productive',
  bestTimeValue: '{weekday}, around {hour}:00',
  perDay: 'Completed per day',
  nothingDone: 'Nothing completed in this period yet. Finish a task and it shows here.',
  dayBar: '{date}: {n} completed',
  reminders: 'Reminders',
  remindersDone: 'Done',
  remindersSkipped: 'Skipped',
  remindersSnoozed: 'Snoozed',
  courses: 'Courses',
  courseValue: '{learned} of {topics} topics (+{inPeriod})',
  notesFiled: 'Notes filed',
  notesAndBookings: 'Notes and bookings',
  bookingsKept: 'Kept',
  bookingsNoShows: 'No-shows',
  bookingsCancelled: 'Cancelled',
  bookingsUpcoming: 'Upcoming',
};

const ru: typeof en = {
  periods: 'Период',
  week: 'Эта неделя',
  'last-week': 'Прошлая неделя',
  month: 'Этот месяц',
  'last-month': 'Прошлый месяц',
  tasks: 'Задачи',
  completed: 'Выполнено',
  created: 'Создано',
  completionRate: 'Со сроком в периоде: сделано',
  completionRateValue: '{done} из {due} · {rate}',
  onTimeRate: 'Вовремя',
  overdueNow: 'Просрочено сейчас',
  streak: 'Серия, дней',
  streakValue: '{current} (лучшая {best})',
  bestTime: 'Продуктивнее всего',
  bestTimeValue: '{weekday}, около {hour}:00',
  perDay: 'Выполнено по дням',
  nothingDone: 'За этот период пока ничего не выполнено. Завершите задачу — она появится здесь.',
  dayBar: '{date}: выполнено {n}',
  reminders: 'Напоминания',
  remindersDone: 'Выполнено',
  remindersSkipped: 'Пропущено',
  remindersSnoozed: 'Отложено',
  courses: 'Курсы',
  courseValue: '{learned} из {topics} тем (+{inPeriod})',
  notesFiled: 'Заметок разложено',
  notesAndBookings: 'Заметки и записи',
  bookingsKept: 'Состоялись',
  bookingsNoShows: 'Неявки',
  bookingsCancelled: 'Отменены',
  bookingsUpcoming: 'Предстоят',
};

export type StatsWordKey = keyof typeof en;
export type StatsWords = (key: StatsWordKey, vars?: Record<string, string | number>) => string;

export function statsWords(language: Language): StatsWords {
  const table = language === 'ru' ? ru : en;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
