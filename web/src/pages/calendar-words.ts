// The Calendar page's words in both languages; a missing translation is a type error.
import type { Language } from '../api.ts';

const en = {
  week: 'Week',
  month: 'Month',
  today: 'Today',
  previous: 'Earlier',
  next: 'Later',
  nothing: 'Nothing on this day.',
  emptyRange: 'Nothing planned here. Tasks with a deadline, reminders and bookings show up on their days.',
  task: 'Task',
  reminder: 'Reminder',
  booking: 'Booking',
  snoozed: 'snoozed',
  done: 'done',
};

const ru: typeof en = {
  week: 'Неделя',
  month: 'Месяц',
  today: 'Сегодня',
  previous: 'Раньше',
  next: 'Позже',
  nothing: 'В этот день ничего нет.',
  emptyRange: 'Здесь пока пусто. Задачи со сроком, напоминания и записи появляются в свои дни.',
  task: 'Задача',
  reminder: 'Напоминание',
  booking: 'Запись',
  snoozed: 'отложено',
  done: 'сделано',
};

export type CalendarWord = keyof typeof en;
export const calendarWords = (language: Language) => (key: CalendarWord) =>
  (language === 'ru' ? ru : en)[key];
