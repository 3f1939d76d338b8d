import type { InlineKeyboardMarkup } from '@grammyjs/types';
import { formatLocal } from './local-time.ts';

/** Fluent lookup outside an update (jobs know the user's language, not a context). */
export type Translate = (
  language: string,
  key: string,
  variables?: Record<string, string | number>,
) => string;

export type OccurrenceAction = 'd' | 'k' | 's15' | 's60' | 'tm';

/** Callback data of a reminder button: `ro:<action>:<occurrence id>:<send number>` (≤ 64 bytes). */
export const occurrenceData = (action: OccurrenceAction, occurrenceId: string, sends: number) =>
  `ro:${action}:${occurrenceId}:${sends}`;

export function parseOccurrenceData(
  data: string,
): { action: OccurrenceAction; occurrenceId: string; sends: number } | null {
  const match = /^ro:(d|k|s15|s60|tm):([0-9a-f-]{36}):(\d{1,6})$/.exec(data);
  if (!match) return null;
  return { action: match[1] as OccurrenceAction, occurrenceId: match[2] as string, sends: Number(match[3]) };
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
  t: (key: string, variables?: Record<string, string | number>) => string,
  occurrence: { text: string; dueAt: Date; fireAt: Date },
  user: { timezone: string; language: string },
): string {
  const head = t('reminders-fired', { text: occurrence.text });
  if (occurrence.fireAt.getTime() - occurrence.dueAt.getTime() < 60_000) return head;
  const due = formatLocal(occurrence.dueAt, user.timezone, user.language);
  return `${head}\n${t('reminders-fired-was-due', { time: due })}`;
}
