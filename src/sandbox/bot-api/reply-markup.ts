import type {
  ForceReply,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import type { Params } from './params.ts';

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

type Markup = ReplyMarkup & Record<string, unknown>;

const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

function rows(value: unknown, name: string): unknown[][] {
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    throw badRequest(
      `field "${name}" of the ${name === 'keyboard' ? 'ReplyKeyboardMarkup' : 'InlineKeyboardMarkup'} must be an Array of Arrays`,
    );
  }
  return value as unknown[][];
}

function checkInline(markup: Record<string, unknown>): InlineKeyboardMarkup {
  for (const row of rows(markup.inline_keyboard, 'inline_keyboard')) {
    for (const raw of row) {
      const button = raw as Record<string, unknown>;
      if (typeof button !== 'object' || button === null || typeof button.text !== 'string') {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      const actions = INLINE_ACTIONS.filter((a) => button[a] !== undefined);
      if (actions.length !== 1) throw badRequest('text buttons are unallowed in the inline keyboard');
      if (actions[0] === 'callback_data') {
        const data = button.callback_data;
        const bytes = typeof data === 'string' ? Buffer.byteLength(data) : 0;
        if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
      if (actions[0] === 'url') {
        try {
          new URL(String(button.url));
        } catch {
          throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
        }
      }
    }
  }
  return markup as unknown as InlineKeyboardMarkup;
}

/** Parses and validates `reply_markup`; reply keyboards get string buttons normalised to objects. */
export function parseReplyMarkup(p: Params, name = 'reply_markup'): ReplyMarkup | undefined {
  const markup = p.json<Markup>(name, "can't parse reply keyboard markup JSON object");
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if ('inline_keyboard' in markup) return checkInline(markup);
  if ('keyboard' in markup) {
    const keyboard = rows(markup.keyboard, 'keyboard').map((row) =>
      row.map((button) => (typeof button === 'string' ? { text: button } : button)),
    );
    return { ...markup, keyboard } as ReplyMarkup;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return markup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** Only inline keyboards are echoed back in the bot-facing Message object. */
export function inlineOnly(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup && 'inline_keyboard' in markup ? markup : undefined;
}

/** Inline keyboard button callback_data values of a message. */
export function callbackDataOf(markup: unknown): string[] {
  const keyboard = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  return keyboard.flat().flatMap((b) => ('callback_data' in b && b.callback_data ? [b.callback_data] : []));
}
