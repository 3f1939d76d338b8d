import type { Api } from 'grammy';

/**
 * The few Telegram calls a capability makes outside an update (in jobs); replies inside an update
 * use `ctx`, durable messages use `notify`.
 */
export interface TelegramActions {
  /** The bytes of a file users sent (voice, photo, document), at most `maxBytes`. */
  downloadFile(fileId: string, maxBytes?: number): Promise<Uint8Array<ArrayBuffer>>;
  createForumTopic(chatId: number, name: string): Promise<{ threadId: number }>;
  editMessageText(
    chatId: number,
    messageId: number,
    text: string,
    options?: { html?: boolean },
  ): Promise<void>;
}

/** Over the shared client (`api` obeys the limits and retries); files come from `<apiRoot>/file/bot<token>/`. */
export function createTelegramActions(api: Api, apiRoot: string, token: string): TelegramActions {
  return {
    async downloadFile(fileId, maxBytes = 20 * 1024 * 1024) {
      const file = await api.getFile(fileId);
      if (!file.file_path) throw new Error(`file ${fileId} has no path`);
      if ((file.file_size ?? 0) > maxBytes) throw new Error(`file ${fileId} is over ${maxBytes} bytes`);
      const res = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, {
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`downloading ${fileId}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async createForumTopic(chatId, name) {
      const topic = await api.createForumTopic(chatId, name);
      return { threadId: topic.message_thread_id };
    },
    async editMessageText(chatId, messageId, text, options = {}) {
      await api.editMessageText(chatId, messageId, text, options.html ? { parse_mode: 'HTML' } : {});
    },
  };
}
