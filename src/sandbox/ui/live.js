// Applies the sandbox's Server-Sent Events to the page as they arrive.

import { subscribe } from './api.js';

/**
 * @typedef {import('./api.js').Message} Message
 * @typedef {{
 *   message: (message: Message, edited: boolean) => void,
 *   deleted: (chatId: number, messageId: number) => void,
 *   chatsChanged: () => void,
 *   topic: (chatId: number, topic: import('./api.js').Topic) => void,
 *   user: (user: import('./api.js').User) => void,
 *   callbackAnswer: (callbackQueryId: string, answer: import('./api.js').CallbackAnswer) => void,
 *   chatAction: (chatId: number, action: string) => void,
 *   resync: () => void,
 * }} LiveHandlers
 */

/** @param {LiveHandlers} on */
export function connectLive(on) {
  return subscribe(
    {
      message: (data) => on.message(data.message, false),
      edited: (data) => on.message(data.message, true),
      deleted: (data) => on.deleted(data.chat_id, data.message_id),
      chat: () => on.chatsChanged(),
      topic: (data) => on.topic(data.chat_id, data.topic),
      user: (data) => on.user(data.user),
      callback_answer: (data) => on.callbackAnswer(data.callback_query_id, data.answer),
      chat_action: (data) => on.chatAction(data.chat_id, data.action),
      reset: () => on.resync(),
    },
    on.resync,
  );
}
