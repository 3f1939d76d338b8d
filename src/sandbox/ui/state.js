// The page's state and the pure questions asked about it. Views read it; only app.js writes it.

/**
 * @typedef {import('./api.js').Message} Message
 * @typedef {import('./api.js').Chat} Chat
 * @typedef {import('./api.js').User} User
 * @typedef {import('./api.js').ReplyMarkup} ReplyMarkup
 * @typedef {{chat: Chat, last_message?: Message}} ChatEntry
 * @typedef {{
 *   info: import('./api.js').BotInfo | null,
 *   users: User[],
 *   userId: number | null,
 *   chats: ChatEntry[],
 *   chatId: number | null,
 *   threadId: number | null,
 *   messages: Map<number, Message[]>,
 *   topics: Map<number, import('./api.js').Topic[]>,
 *   unread: Map<number, number>,
 *   typing: Map<number, ReturnType<typeof setTimeout>>,
 *   keyboardHidden: Set<number>,
 *   blocked: Set<number>,
 *   replyTo: Message | null,
 *   filter: string,
 * }} AppState
 */

/** @returns {AppState} */
export function createState() {
  return {
    info: null,
    users: [],
    userId: null,
    chats: [],
    chatId: null,
    threadId: null,
    messages: new Map(),
    topics: new Map(),
    unread: new Map(),
    typing: new Map(),
    keyboardHidden: new Set(),
    blocked: new Set(),
    replyTo: null,
    filter: '',
    // Callback ids the API gave up waiting on; their answer may still arrive over SSE.
    lateAnswers: new Set(),
  };
}

/** @param {AppState} state */
export function currentUser(state) {
  return state.users.find((u) => u.id === state.userId) ?? null;
}

/** @param {AppState} state */
export function currentChat(state) {
  return state.chats.find((c) => c.chat.id === state.chatId)?.chat ?? null;
}

/** @param {AppState} state @param {Chat} chat */
export function chatTitle(state, chat) {
  if (chat.type === 'private') return state.info?.bot.first_name ?? 'Bot';
  return chat.title ?? 'Group';
}

/** Avatar colour/initials id: the bot for private chats, else the chat. @param {AppState} state @param {Chat} chat */
export function chatAvatarId(state, chat) {
  return chat.type === 'private' ? (state.info?.bot.id ?? chat.id) : chat.id;
}

/** @param {Message} a @param {Message} b */
function byId(a, b) {
  return a.message_id - b.message_id;
}

/** Inserts or replaces a message in a chat's list; returns whether it was new. @param {AppState} state @param {Message} message */
export function storeMessage(state, message) {
  const list = state.messages.get(message.chat.id);
  if (!list) return true;
  const index = list.findIndex((m) => m.message_id === message.message_id);
  if (index >= 0) {
    list[index] = message;
    return false;
  }
  list.push(message);
  list.sort(byId);
  return true;
}

/** @param {AppState} state @param {number} chatId @param {number} messageId */
export function dropMessage(state, chatId, messageId) {
  const list = state.messages.get(chatId);
  if (!list) return;
  const index = list.findIndex((m) => m.message_id === messageId);
  if (index >= 0) list.splice(index, 1);
}

/**
 * Whether a message belongs to the open topic. General holds everything not in a known topic,
 * which also covers Telegram's convention of General having no thread id at all.
 * @param {AppState} state @param {Message} message
 */
export function inCurrentThread(state, message) {
  const chat = currentChat(state);
  if (!chat?.is_forum) return true;
  const topicIds = new Set((state.topics.get(chat.id) ?? []).map((t) => t.message_thread_id));
  const thread = message.message_thread_id;
  if (state.threadId === null) return thread === undefined || !topicIds.has(thread);
  return thread === state.threadId;
}

/** @param {AppState} state */
export function visibleMessages(state) {
  if (state.chatId === null) return [];
  return (state.messages.get(state.chatId) ?? []).filter((m) => !m.deleted && inCurrentThread(state, m));
}

/**
 * The reply keyboard in force: the latest bot message in the chat that set or removed one.
 * @param {AppState} state @returns {ReplyMarkup | null}
 */
export function activeReplyKeyboard(state) {
  if (state.chatId === null) return null;
  const list = state.messages.get(state.chatId) ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const message = /** @type {Message} */ (list[i]);
    if (!message.from?.is_bot) continue;
    const markup = message.reply_markup;
    if (markup?.remove_keyboard) return null;
    if (markup?.keyboard) return markup;
  }
  return null;
}

/** @param {AppState} state @param {User | null} user */
export function isBlocked(state, user) {
  if (!user) return false;
  return state.blocked.has(user.id);
}

/** @param {AppState} state @param {User} user */
export function commandsFor(state, user) {
  const commands = state.info?.commands ?? {};
  const lang = user.language_code ?? '';
  return commands[lang]?.length ? commands[lang] : (commands[''] ?? []);
}
