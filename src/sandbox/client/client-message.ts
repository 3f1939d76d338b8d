import type { InlineKeyboardButton, KeyboardButton, Message } from '@grammyjs/types';
import type { CallbackAnswer } from '../core/event-hub.ts';
import type { Transport } from './http.ts';

/** A message as the control API returns it: Telegram fields plus sandbox flags. */
export type MessageData = Message & {
  edited: boolean;
  deleted: boolean;
  version: number;
  reply_markup?: unknown;
};

/** What a click returns: the bot's answerCallbackQuery (or null if it did not answer in time). */
export interface ClickResult {
  callback_query_id: string;
  answer: CallbackAnswer | null;
}

export type Label = string | RegExp;

const matchesLabel = (text: string, label: Label): boolean =>
  typeof label === 'string' ? text === label : label.test(text);

/** A message in a chat, with helpers to read it and press its buttons. */
export class SandboxMessage {
  readonly data: MessageData;
  readonly #transport: Transport;
  readonly #actorId: number | undefined;

  constructor(transport: Transport, data: MessageData, actorId: number | undefined) {
    this.#transport = transport;
    this.data = data;
    this.#actorId = actorId;
  }

  get id(): number {
    return this.data.message_id;
  }
  get chatId(): number {
    return this.data.chat.id;
  }
  /** Text, or the caption of a media message ('' when neither). */
  get text(): string {
    return this.data.text ?? this.data.caption ?? '';
  }
  get fromBot(): boolean {
    return this.data.from?.is_bot === true;
  }
  get edited(): boolean {
    return this.data.edited;
  }
  get deleted(): boolean {
    return this.data.deleted;
  }

  /** Inline keyboard buttons, row by row flattened. */
  inlineButtons(): InlineKeyboardButton[] {
    const markup = this.data.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    return markup?.inline_keyboard?.flat() ?? [];
  }

  /** Labels of the inline keyboard buttons. */
  buttons(): string[] {
    return this.inlineButtons().map((b) => b.text);
  }

  /** Labels of a reply keyboard sent with this message (press one with `user.send(label)`). */
  keyboard(): string[] {
    const markup = this.data.reply_markup as { keyboard?: Array<Array<KeyboardButton | string>> } | undefined;
    return markup?.keyboard?.flat().map((b) => (typeof b === 'string' ? b : b.text)) ?? [];
  }

  /**
   * Presses the inline button whose text equals `label` (or matches the RegExp): the bot receives a
   * callback_query; resolves with its answer. `as` picks the clicking user in groups.
   */
  async click(
    label: Label,
    options: { as?: { id: number } | number; waitMs?: number } = {},
  ): Promise<ClickResult> {
    const button = this.inlineButtons().find((b) => matchesLabel(b.text, label));
    if (!button) {
      throw new Error(
        `message ${this.id} has no button ${String(label)}; buttons: ${JSON.stringify(this.buttons())}`,
      );
    }
    if (!('callback_data' in button) || button.callback_data === undefined) {
      throw new Error(`button ${JSON.stringify(button.text)} is not a callback button`);
    }
    const as = typeof options.as === 'number' ? options.as : (options.as?.id ?? this.#actorId);
    if (as === undefined) throw new Error('click needs a user: pass { as: user }');
    return this.#transport.request<ClickResult>('POST', '/callbacks', {
      from: as,
      chat_id: this.chatId,
      message_id: this.id,
      data: button.callback_data,
      ...(options.waitMs !== undefined ? { wait_ms: options.waitMs } : {}),
    });
  }

  toJSON(): MessageData {
    return this.data;
  }
}
