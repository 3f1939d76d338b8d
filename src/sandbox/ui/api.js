// Client for the sandbox JSON control API (/sandbox/api) and its Server-Sent Events stream.

/**
 * @typedef {{id: number, is_bot?: boolean, first_name: string, last_name?: string, username?: string,
 *   language_code?: string}} User
 * @typedef {{id: number, type: 'private'|'group'|'supergroup'|'channel', title?: string, first_name?: string,
 *   last_name?: string, username?: string, is_forum?: boolean}} Chat
 * @typedef {{type: string, offset: number, length: number, url?: string, language?: string, user?: User}} MessageEntity
 * @typedef {{text: string, callback_data?: string, url?: string, web_app?: {url: string},
 *   login_url?: {url: string}, copy_text?: {text: string}, request_location?: boolean}} KeyboardButton
 * @typedef {{inline_keyboard?: KeyboardButton[][], keyboard?: (KeyboardButton|string)[][],
 *   remove_keyboard?: boolean, one_time_keyboard?: boolean, resize_keyboard?: boolean,
 *   input_field_placeholder?: string, is_persistent?: boolean}} ReplyMarkup
 * @typedef {{file_id: string, file_size?: number, width?: number, height?: number}} PhotoSize
 * @typedef {{file_id: string, file_name?: string, mime_type?: string, file_size?: number, duration?: number,
 *   title?: string, performer?: string}} FileInfo
 * @typedef {{message_id: number, from?: User, chat: Chat, date: number, text?: string, caption?: string,
 *   entities?: MessageEntity[], caption_entities?: MessageEntity[], reply_markup?: ReplyMarkup,
 *   photo?: PhotoSize[], document?: FileInfo, voice?: FileInfo, audio?: FileInfo,
 *   location?: {latitude: number, longitude: number}, message_thread_id?: number, is_topic_message?: boolean,
 *   edit_date?: number, edited?: boolean, deleted?: boolean, reply_to_message?: Message,
 *   forum_topic_created?: {name: string}}} Message
 * @typedef {{message_thread_id: number, name: string, icon_color?: number}} Topic
 * @typedef {{command: string, description: string}} BotCommand
 * @typedef {{type: 'commands'|'web_app'|'default', text?: string, web_app?: {url: string}}} MenuButton
 * @typedef {{bot: {id: number, username: string, first_name: string}, commands: Record<string, BotCommand[]>,
 *   menu_button: MenuButton, web_app_url?: string | null}} BotInfo
 * @typedef {{text?: string, show_alert?: boolean, url?: string}} CallbackAnswer
 * @typedef {{data: string, mime_type: string, file_name?: string, duration?: number}} UploadedFile
 */

const BASE = new URL('../api/', import.meta.url);

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>} the parsed JSON body; callers know its shape from the contract
 */
async function request(method, path, body) {
  const res = await fetch(new URL(path, BASE), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message =
      json?.detail ?? json?.description ?? json?.error?.message ?? json?.error ?? res.statusText;
    throw new ApiError(res.status, typeof message === 'string' ? message : JSON.stringify(message));
  }
  return json;
}

/** @param {Record<string, string | number | null | undefined>} params */
function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}

export const api = {
  /** @returns {Promise<BotInfo>} */
  info: () => request('GET', 'info'),
  /** @returns {Promise<User[]>} */
  users: async () => (await request('GET', 'users')).users,
  /** @param {number} id @returns {Promise<{user: User, blocked: boolean}>} */
  user: (id) => request('GET', `users/${id}`),
  /** @param {Partial<User> & {first_name: string}} user @returns {Promise<User>} */
  createUser: async (user) => (await request('POST', 'users', user)).user,
  /** @param {number} userId @returns {Promise<{chat: Chat, last_message?: Message}[]>} */
  chats: async (userId) => (await request('GET', `chats?${query({ user_id: userId })}`)).chats,
  /**
   * @param {{type: 'group'|'supergroup', title: string, is_forum?: boolean, member_ids: number[], bot_is_admin?: boolean}} body
   * @returns {Promise<Chat>}
   */
  createChat: async (body) => (await request('POST', 'chats', body)).chat,
  /** @param {number} chatId @returns {Promise<Topic[]>} */
  topics: async (chatId) => (await request('GET', `chats/${chatId}/topics`)).topics,
  /** @param {number} chatId @param {string} name @param {number} from @returns {Promise<Topic>} */
  createTopic: async (chatId, name, from) =>
    (await request('POST', `chats/${chatId}/topics`, { name, from })).topic,
  /** @param {number} chatId @returns {Promise<Message[]>} */
  history: async (chatId) =>
    (await request('GET', `chats/${chatId}/messages?${query({ after_message_id: 0 })}`)).messages,
  /** @param {Record<string, unknown> & {from: number}} body @returns {Promise<Message>} */
  send: async (body) => (await request('POST', 'messages', body)).message,
  /**
   * @param {{from: number, chat_id: number, message_id: number, data: string}} body
   * @returns {Promise<{callback_query_id: string, answer: CallbackAnswer | null}>}
   */
  callback: (body) => request('POST', 'callbacks', body),
  /** @param {number} userId @param {boolean} blocked */
  setBlocked: (userId, blocked) => request('POST', `users/${userId}/${blocked ? 'block' : 'unblock'}`, {}),
  /** @param {number} userId @param {number} chatId @returns {Promise<{url: string, init_data: string}>} */
  webApp: (userId, chatId) => request('GET', `webapp?${query({ user_id: userId, chat_id: chatId })}`),
  /** @param {string} fileId */
  fileUrl: (fileId) => new URL(`files/${encodeURIComponent(fileId)}`, BASE).href,
};

export const EVENT_TYPES = /** @type {const} */ ([
  'message',
  'edited',
  'deleted',
  'chat',
  'topic',
  'user',
  'callback_answer',
  'chat_action',
  'reset',
]);

/**
 * Subscribes to the sandbox event stream. `onReconnect` runs when the stream comes back after a
 * drop, so the caller can re-fetch whatever it missed meanwhile.
 * @param {Partial<Record<typeof EVENT_TYPES[number], (data: any) => void>>} handlers
 * @param {() => void} onReconnect
 */
export function subscribe(handlers, onReconnect) {
  const source = new EventSource(new URL('events', BASE));
  let dropped = false;
  source.addEventListener('open', () => {
    if (dropped) onReconnect();
    dropped = false;
    document.body.classList.remove('offline');
  });
  source.addEventListener('error', () => {
    dropped = true;
    document.body.classList.add('offline');
  });
  for (const type of EVENT_TYPES) {
    const handler = handlers[type];
    if (!handler) continue;
    source.addEventListener(type, (event) => {
      try {
        handler(JSON.parse(/** @type {MessageEvent} */ (event).data));
      } catch (error) {
        console.error(`sandbox: bad ${type} event`, error);
      }
    });
  }
  return source;
}
