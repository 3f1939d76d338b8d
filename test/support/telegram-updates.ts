import type { Update } from '@grammyjs/types';

/** A private-chat text message from person `chatId` (its text is the update id), as the inbox tests send. */
export const textUpdate = (updateId: number, chatId: number): Update =>
  ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1,
      chat: { id: chatId, type: 'private' },
      from: { id: chatId, is_bot: false, first_name: 'T' },
      text: String(updateId),
    },
  }) as Update;
