import { InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import type { Translate } from './task-card.ts';

export const PICKER_TIMES = ['09:00', '12:00', '15:00', '18:00', '21:00', '23:59'] as const;

/**
 * A month grid for the /new flow. `button(op, arg)` makes the flow's callback data; days before
 * today and the months before this one are not offered.
 */
export function datePicker(
  t: Translate,
  button: (op: string, arg?: string) => string,
  options: { month: string; timezone: string; now: Date; language: string },
): InlineKeyboard {
  const today = DateTime.fromJSDate(options.now, { zone: options.timezone }).startOf('day');
  const parsed = DateTime.fromISO(`${options.month}-01`, { zone: options.timezone });
  const first = parsed.isValid && parsed >= today.startOf('month') ? parsed : today.startOf('month');
  const keyboard = new InlineKeyboard()
    .text(t('tasks-pick-today'), button('q', 'today'))
    .text(t('tasks-pick-tomorrow'), button('q', 'tomorrow'))
    .text(t('tasks-pick-week'), button('q', 'week'))
    .row();
  const canGoBack = first > today.startOf('month');
  keyboard
    .text(
      canGoBack ? '«' : ' ',
      canGoBack ? button('m', first.minus({ months: 1 }).toFormat('yyyy-MM')) : button('_'),
    )
    .text(first.setLocale(options.language).toFormat('LLLL yyyy'), button('_'))
    .text('»', button('m', first.plus({ months: 1 }).toFormat('yyyy-MM')))
    .row();
  for (let d = 1; d <= 7; d++) {
    keyboard.text(
      DateTime.fromObject({ year: 2024, month: 1, day: d }).setLocale(options.language).toFormat('ccc'),
      button('_'),
    );
  }
  keyboard.row();
  let cursor = first.minus({ days: first.weekday - 1 });
  const end = first.endOf('month');
  while (cursor <= end) {
    for (let i = 0; i < 7; i++) {
      const inMonth = cursor.month === first.month;
      const selectable = inMonth && cursor >= today;
      // Days gone by are shown as a dot: a number that does nothing when tapped looks broken.
      keyboard.text(
        inMonth ? (selectable ? String(cursor.day) : '·') : ' ',
        selectable ? button('d', cursor.toISODate() ?? '') : button('_'),
      );
      cursor = cursor.plus({ days: 1 });
    }
    keyboard.row();
  }
  return keyboard
    .text(t('tasks-pick-none'), button('q', 'none'))
    .row()
    .text(t('tasks-btn-cancel'), button('x'));
}

/** Times of day for a picked day; on today only those still ahead. */
export function timePicker(
  t: Translate,
  button: (op: string, arg?: string) => string,
  options: { day: string; timezone: string; now: Date },
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const ahead = PICKER_TIMES.filter((time) => {
    const at = DateTime.fromISO(`${options.day}T${time}`, { zone: options.timezone });
    return !at.isValid || at.toJSDate() > options.now;
  });
  ahead.forEach((time, i) => {
    keyboard.text(time, button('h', time.replace(':', '')));
    if (i % 3 === 2) keyboard.row();
  });
  if (ahead.length % 3 !== 0) keyboard.row();
  return keyboard.text(t('tasks-pick-back'), button('b')).text(t('tasks-btn-cancel'), button('x'));
}
