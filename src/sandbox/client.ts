import type { BotCommand, Chat, MenuButton, User } from '@grammyjs/types';
import type { CallRecord, FaultInput } from './bot-api/faults.ts';
import type { LimitsConfig } from './bot-api/rate-limiter.ts';
import { SandboxChat } from './client/client-chat.ts';
import { type MessageData, SandboxMessage } from './client/client-message.ts';
import { createTransport, stableUserId, type Transport, toBase64 } from './client/http.ts';

export type { MessageMatcher, WaitOptions } from './client/client-chat.ts';
export { SandboxChat } from './client/client-chat.ts';
export type { ClickResult, Label, MessageData } from './client/client-message.ts';
export { SandboxMessage } from './client/client-message.ts';
export { SandboxClientError, stableUserId } from './client/http.ts';

type ChatRef = SandboxChat | number;
type Bytes = Uint8Array | ArrayBuffer | string;

export interface SendOptions {
  /** Group chat (handle or id); defaults to the private chat with the bot. */
  chat?: ChatRef;
  threadId?: number;
  replyTo?: SandboxMessage | number;
}

export interface FileOptions extends SendOptions {
  mimeType?: string;
  fileName?: string;
  duration?: number;
  caption?: string;
  /** Marks a photo or document as an album item (Telegram's media_group_id); see sendMediaGroup. */
  mediaGroupId?: string;
}

export interface UserOptions {
  id?: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

let albumCounter = 0;

/** A sandbox user acting in the chats: sends messages, presses buttons, blocks the bot. */
export class SandboxUser {
  readonly user: User;
  readonly #client: SandboxClient;

  constructor(client: SandboxClient, user: User) {
    this.#client = client;
    this.user = user;
  }

  get id(): number {
    return this.user.id;
  }

  /** This user's private chat with the bot (one shared handle, so its cursor persists). */
  privateChat(): SandboxChat {
    return this.#client.chat(this.id, this.id);
  }

  /** Handle on a group chat with this user as the default clicker. */
  in(chat: ChatRef): SandboxChat {
    return this.#client.chat(typeof chat === 'number' ? chat : chat.id, this.id);
  }

  async #post(body: Record<string, unknown>, options: SendOptions): Promise<SandboxMessage> {
    const chat = options.chat;
    const payload = {
      from: this.id,
      ...(chat !== undefined ? { chat_id: typeof chat === 'number' ? chat : chat.id } : {}),
      ...(options.threadId !== undefined ? { message_thread_id: options.threadId } : {}),
      ...(options.replyTo !== undefined
        ? { reply_to_message_id: typeof options.replyTo === 'number' ? options.replyTo : options.replyTo.id }
        : {}),
      ...body,
    };
    const { message } = await this.#client.transport.request<{ message: MessageData }>(
      'POST',
      '/messages',
      payload,
    );
    return new SandboxMessage(
      this.#client.transport,
      { ...message, edited: false, deleted: false, version: 0 },
      this.id,
    );
  }

  /** Sends text (a leading "/" makes it a bot command); the bot receives the update. */
  send(text: string, options: SendOptions = {}): Promise<SandboxMessage> {
    return this.#post({ text }, options);
  }

  #file(kind: string, data: Bytes, defaults: { mime: string; name?: string }, options: FileOptions) {
    const file = {
      data: toBase64(data),
      mime_type: options.mimeType ?? defaults.mime,
      ...((options.fileName ?? defaults.name) ? { file_name: options.fileName ?? defaults.name } : {}),
      ...(options.duration !== undefined ? { duration: options.duration } : {}),
    };
    return this.#post(
      {
        [kind]: file,
        ...(options.caption ? { caption: options.caption } : {}),
        ...(options.mediaGroupId ? { media_group_id: options.mediaGroupId } : {}),
      },
      options,
    );
  }

  sendVoice(data: Bytes, options: FileOptions = {}): Promise<SandboxMessage> {
    return this.#file('voice', data, { mime: 'audio/ogg' }, options);
  }
  sendAudio(data: Bytes, options: FileOptions = {}): Promise<SandboxMessage> {
    return this.#file('audio', data, { mime: 'audio/mpeg', name: 'audio.mp3' }, options);
  }
  sendPhoto(data: Bytes, options: FileOptions = {}): Promise<SandboxMessage> {
    return this.#file('photo', data, { mime: 'image/jpeg' }, options);
  }
  sendDocument(data: Bytes, options: FileOptions = {}): Promise<SandboxMessage> {
    return this.#file('document', data, { mime: 'application/octet-stream', name: 'file.bin' }, options);
  }
  /**
   * Sends an album: one message per item sharing a fresh `media_group_id`, in order, as Telegram
   * delivers them. Give the album's caption on the first item (as Telegram clients do).
   */
  async sendMediaGroup(
    items: Array<{ type: 'photo' | 'document'; data: Bytes; caption?: string; fileName?: string }>,
    options: SendOptions = {},
  ): Promise<SandboxMessage[]> {
    if (items.length < 2 || items.length > 10) throw new Error('an album has 2 to 10 items');
    const groupId = `${Date.now()}${++albumCounter}`;
    const sent: SandboxMessage[] = [];
    for (const item of items) {
      const defaults =
        item.type === 'photo'
          ? { mime: 'image/jpeg' }
          : { mime: 'application/octet-stream', name: item.fileName ?? 'file.bin' };
      sent.push(
        await this.#file(item.type, item.data, defaults, {
          ...options,
          ...(item.caption ? { caption: item.caption } : {}),
          ...(item.fileName ? { fileName: item.fileName } : {}),
          mediaGroupId: groupId,
        }),
      );
    }
    return sent;
  }
  sendLocation(latitude: number, longitude: number, options: SendOptions = {}): Promise<SandboxMessage> {
    return this.#post({ location: { latitude, longitude } }, options);
  }

  async block(): Promise<void> {
    await this.#client.transport.request('POST', `/users/${this.id}/block`);
  }
  async unblock(): Promise<void> {
    await this.#client.transport.request('POST', `/users/${this.id}/unblock`);
  }

  /** Mini App launch URL and signed init data for this user (optionally from a chat). */
  webApp(chat?: ChatRef): Promise<{ url: string; init_data: string }> {
    const chatId = chat === undefined ? '' : `&chat_id=${typeof chat === 'number' ? chat : chat.id}`;
    return this.#client.transport.request('GET', `/webapp?user_id=${this.id}${chatId}`);
  }
}

export interface SandboxInfo {
  bot: { id: number; username: string; first_name: string };
  commands: Record<string, BotCommand[]>;
  menu_button: MenuButton;
  web_app_url: string | null;
}

/** Typed client over the sandbox control API, for tests and scripts. */
export class SandboxClient {
  readonly transport: Transport;
  readonly #chats = new Map<string, SandboxChat>();

  constructor(baseUrl: string, fetchImpl?: typeof fetch) {
    this.transport = createTransport(baseUrl, fetchImpl);
  }

  /** Creates (or fetches) a user; the id is derived from `name` unless given. */
  async user(name: string, options: UserOptions = {}): Promise<SandboxUser> {
    const username = /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(name) ? name.toLowerCase() : undefined;
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const body = {
      id: stableUserId(name),
      first_name: name.charAt(0).toUpperCase() + name.slice(1),
      ...(username ? { username } : {}),
      ...defined,
    };
    const { user } = await this.transport.request<{ user: User }>('POST', '/users', body);
    return new SandboxUser(this, user);
  }

  /** Creates a group (a supergroup when `forum` or `supergroup`); the bot gets my_chat_member. */
  async group(options: {
    title: string;
    members: Array<SandboxUser | number>;
    forum?: boolean;
    supergroup?: boolean;
    botIsAdmin?: boolean;
  }): Promise<SandboxChat> {
    const memberIds = options.members.map((m) => (typeof m === 'number' ? m : m.id));
    const { chat } = await this.transport.request<{ chat: Chat }>('POST', '/chats', {
      type: options.forum || options.supergroup ? 'supergroup' : 'group',
      title: options.title,
      member_ids: memberIds,
      ...(options.forum ? { is_forum: true } : {}),
      ...(options.botIsAdmin !== undefined ? { bot_is_admin: options.botIsAdmin } : {}),
    });
    return this.chat(chat.id, memberIds[0]);
  }

  /** A handle on a chat; `actorId` is the default user for clicks and topics. Handles are shared. */
  chat(chatId: number, actorId?: number): SandboxChat {
    const key = `${chatId}:${actorId ?? ''}`;
    let chat = this.#chats.get(key);
    if (!chat) {
      chat = new SandboxChat(this.transport, chatId, actorId);
      this.#chats.set(key, chat);
    }
    return chat;
  }

  readonly faults = {
    add: (fault: FaultInput): Promise<unknown> => this.transport.request('POST', '/faults', fault),
    clear: (): Promise<unknown> => this.transport.request('DELETE', '/faults'),
  };

  /** Bot API calls the sandbox received, optionally of one method. */
  async calls(method?: string): Promise<CallRecord[]> {
    const query = method ? `?method=${encodeURIComponent(method)}` : '';
    return (await this.transport.request<{ calls: CallRecord[] }>('GET', `/calls${query}`)).calls;
  }
  async clearCalls(): Promise<void> {
    await this.transport.request('DELETE', '/calls');
  }
  async limits(config: boolean | (Partial<LimitsConfig> & { enabled: boolean })): Promise<LimitsConfig> {
    const body = typeof config === 'boolean' ? { enabled: config } : config;
    return (await this.transport.request<{ limits: LimitsConfig }>('PUT', '/limits', body)).limits;
  }
  info(): Promise<SandboxInfo> {
    return this.transport.request('GET', '/info');
  }
  /** Clears all sandbox state; chat handles forget their cursors. */
  async reset(): Promise<void> {
    await this.transport.request('POST', '/reset');
    this.#chats.clear();
  }
}

export function createSandboxClient(baseUrl: string, fetchImpl?: typeof fetch): SandboxClient {
  return new SandboxClient(baseUrl, fetchImpl);
}
