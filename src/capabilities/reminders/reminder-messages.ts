import type { InlineKeyboardMarkup } from '@grammyjs/types';
import { callbackCodec } from '../../bot/callback-data.ts';
import type { Translate } from '../../bot/i18n.ts';
import { formatWhen } from '../../platform/time/index.ts';

export type { TranslateIn } from '../../bot/i18n.ts';

/** Buttons under a fired reminder (`ro:`) and of the reminder list (`rl:`). */
export const OCCURRENCE_CALLBACKS = callbackCodec('ro');
export const LIST_CALLBACKS = callbackCodec('rl');

export type OccurrenceAction = 'd' | 'k' | 's15' | 's60' | 'tm';

/** Callback data of a reminder button: `ro:<action>:<occurrence id>:<send number>` (≤ 64 bytes). */
export const occurrenceData = (action: OccurrenceAction, occurrenceId: string, sends: number) =>
  OCCURRENCE_CALLBACKS.pack(action, occurrenceId, sends);

export function parseOccurrenceData(
  data: string,
): { action: OccurrenceAction; occurrenceId: string; sends: number } | null {
  const [action, occurrenceId, sends, ...rest] = OCCURRENCE_CALLBACKS.unpack(data) ?? [];
  if (rest.length || !action || !/^(d|k|s15|s60|tm)$/.test(action)) return null;
  if (!occurrenceId || !/^[0-9a-f-]{36}$/.test(occurrenceId) || !sends || !/^\d{1,6}$/.test(sends))
    return null;
  return { action: action as OccurrenceAction, occurrenceId, sends: Number(sends) };
}

export function occurrenceKeyboard(
  t: (key: string) => string,
  occurrenceId: string,
  sends: number,
): InlineKeyboardMarkup {
  const b = (key: string, action: OccurrenceAction) => ({
    text: t(key),
    callback_data: occurrenceData(action, occurrenceId, sends),
  });
  return {
    inline_keyboard: [
      [b('reminders-btn-done', 'd'), b('reminders-btn-skip', 'k')],
      [
        b('reminders-btn-snooze-15', 's15'),
        b('reminders-btn-snooze-60', 's60'),
        b('reminders-btn-tomorrow', 'tm'),
      ],
    ],
  };
}

/** The text of a reminder as it arrives; a late one (quiet hours, snooze) says when it was due. */
export function occurrenceText(
  t: Translate,
  occurrence: { text: string; dueAt: Date; fireAt: Date },
  user: { timezone: string; language: string },
): string {
  const head = t('reminders-fired', { text: occurrence.text });
  if (occurrence.fireAt.getTime() - occurrence.dueAt.getTime() < 60_000) return head;
  const due = formatWhen(occurrence.dueAt, { ...user, now: occurrence.fireAt });
  return `${head}\n${t('reminders-fired-was-due', { time: due })}`;
}
