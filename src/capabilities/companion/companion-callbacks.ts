import type { InlineKeyboardMarkup } from '@grammyjs/types';
import { callbackCodec, packId } from '../../bot/callback-data.ts';
import type { TranslateIn } from '../../bot/i18n.ts';
import type { BroadcastStatus } from './companion-tables.ts';
import type { JourneyStage } from './journey.ts';

/** The companion's one callback codec: `cmp:<kind>:<action>[:<packed id>]`. */
export const COMPANION_CALLBACKS = callbackCodec('cmp');

/** Quick replies under a check-in, as the stage lists them. */
export function quickReplies(
  t: TranslateIn,
  language: 'ru' | 'en',
  stage: JourneyStage,
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      stage.quickReplies.map((reply) => ({
        text: t(language, `companion-quick-${reply}`),
        callback_data: COMPANION_CALLBACKS.pack('q', reply),
      })),
    ],
  };
}

/** Pause / resume / cancel under the live progress message; none once it is over. */
export function progressButtons(
  t: TranslateIn,
  language: 'ru' | 'en',
  id: string,
  status: BroadcastStatus,
): InlineKeyboardMarkup {
  const button = (action: 'pause' | 'resume' | 'cancel') => ({
    text: t(language, `companion-broadcast-${action}`),
    callback_data: COMPANION_CALLBACKS.pack('b', action, packId(id)),
  });
  if (status === 'running') return { inline_keyboard: [[button('pause'), button('cancel')]] };
  if (status === 'paused') return { inline_keyboard: [[button('resume'), button('cancel')]] };
  return { inline_keyboard: [] };
}
