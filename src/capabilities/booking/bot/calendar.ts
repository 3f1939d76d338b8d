import type { InlineKeyboardButton } from 'grammy/types';
import { DateTime, Info } from 'luxon';
import type { Language } from '../../../platform/db/schema.ts';
import { bookingCallback as cb } from './booking-callbacks.ts';

const blank = (): InlineKeyboardButton => ({ text: ' ', callback_data: cb('nop') });

/**
 * A month as an inline calendar (Monday first, under a row of weekday names) where only days with a free slot are buttons;
 * arrows page months, never before the current one.
 */
export function monthKeyboard(input: {
  month: string;
  free: Set<string>;
  language: Language;
  thisMonth: string;
  /** Button data for a day and for another month (the client's `dy`/`mo` unless given). */
  dayData?: (isoDate: string) => string;
  monthData?: (month: string) => string;
}): InlineKeyboardButton[][] {
  const dayData = input.dayData ?? ((iso: string) => cb('dy', iso));
  const monthData = input.monthData ?? ((month: string) => cb('mo', month));
  const first = DateTime.fromISO(`${input.month}-01`, { locale: input.language === 'ru' ? 'ru' : 'en' });
  const title = first.toFormat('LLLL yyyy');
  const prev = first.minus({ months: 1 }).toFormat('yyyy-MM');
  const next = first.plus({ months: 1 }).toFormat('yyyy-MM');
  const rows: InlineKeyboardButton[][] = [
    [
      input.month > input.thisMonth ? { text: '‹', callback_data: monthData(prev) } : blank(),
      { text: title, callback_data: cb('nop') },
      { text: '›', callback_data: monthData(next) },
    ],
    // Which column is which day: "Mon … Sun" / "пн … вс" (Monday first, like the weeks below).
    Info.weekdays('short', { locale: input.language === 'ru' ? 'ru' : 'en' }).map((day) => ({
      text: day.replace('.', ''),
      callback_data: cb('nop'),
    })),
  ];
  let week: InlineKeyboardButton[] = Array.from({ length: first.weekday - 1 }, blank);
  let anyFree = false;
  // Weeks with no free day are dropped: the calendar shows only days one can pick.
  const close = () => {
    if (anyFree) rows.push([...week, ...Array.from({ length: 7 - week.length }, blank)]);
    week = [];
    anyFree = false;
  };
  for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) {
    const iso = d.toISODate() as string;
    const free = input.free.has(iso);
    anyFree ||= free;
    week.push(free ? { text: String(d.day), callback_data: dayData(iso) } : blank());
    if (week.length === 7) close();
  }
  if (week.length) close();
  return rows;
}
