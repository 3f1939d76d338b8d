import type { InlineKeyboardButton } from 'grammy/types';
import { DateTime } from 'luxon';
import type { Language } from '../../../platform/db/schema.ts';
import { bookingCallback as cb } from './booking-callbacks.ts';

const blank = (): InlineKeyboardButton => ({ text: ' ', callback_data: cb('nop') });

/**
 * A month as an inline calendar (Monday first) where only days with a free slot are buttons;
 * arrows page months, never before the current one.
 */
export function monthKeyboard(input: {
  month: string;
  free: Set<string>;
  language: Language;
  thisMonth: string;
}): InlineKeyboardButton[][] {
  const first = DateTime.fromISO(`${input.month}-01`, { locale: input.language === 'ru' ? 'ru' : 'en' });
  const title = first.toFormat('LLLL yyyy');
  const prev = first.minus({ months: 1 }).toFormat('yyyy-MM');
  const next = first.plus({ months: 1 }).toFormat('yyyy-MM');
  const rows: InlineKeyboardButton[][] = [
    [
      input.month > input.thisMonth ? { text: '‹', callback_data: cb('mo', prev) } : blank(),
      { text: title, callback_data: cb('nop') },
      { text: '›', callback_data: cb('mo', next) },
    ],
  ];
  let week: InlineKeyboardButton[] = Array.from({ length: first.weekday - 1 }, blank);
  for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) {
    const iso = d.toISODate() as string;
    week.push(input.free.has(iso) ? { text: String(d.day), callback_data: cb('dy', iso) } : blank());
    if (week.length === 7) {
      rows.push(week);
      week = [];
    }
  }
  if (week.length) rows.push([...week, ...Array.from({ length: 7 - week.length }, blank)]);
  // Weeks with no free day are dropped: the calendar shows only days one can book.
  return rows.filter(
    (row, i) => i === 0 || row.some((b) => 'callback_data' in b && b.callback_data?.startsWith('bk:dy')),
  );
}
