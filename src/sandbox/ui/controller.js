// State transitions: loading users, chats and history, sending, and applying incoming messages.
// Every function takes the page state explicitly and re-renders the views it touched.

import { ApiError, api } from './api.js';
import { renderComposer, setComposerEnabled } from './composer.js';
import { removeMessage, renderHeader, renderMessages, renderTopics, upsertMessage } from './conversation.js';
import { alertDialog, toast } from './dom.js';
import { renderChatList, renderCurrentUser } from './sidebar.js';
import { currentUser, dropMessage, inCurrentThread, storeMessage } from './state.js';
import { openWebAppPanel, withInitData } from './webapp.js';

/**
 * @typedef {import('./state.js').AppState} AppState
 * @typedef {import('./api.js').Message} Message
 */

const USER_KEY = 'sandbox.userId';
const TYPING_MS = 5000;

/** @param {unknown} error */
function report(error) {
  console.error(error);
  toast(error instanceof ApiError ? error.message : 'Something went wrong; see the console.');
}

/** Runs an async action, showing a failure as a toast. @param {() => Promise<unknown>} fn */
export const run = (fn) => fn().catch(report);

/** The user remembered from the last visit, if any. */
export function savedUserId() {
  return Number(localStorage.getItem(USER_KEY)) || null;
}

/** @param {AppState} state */
export function renderAll(state) {
  renderCurrentUser(state);
  renderChatList(state);
  renderHeader(state);
  renderTopics(state);
  renderComposer(state);
}

/** Latest activity first, like Telegram's chat list. @param {AppState} state */
function sortChats(state) {
  state.chats.sort(
    (a, b) => (b.last_message?.date ?? 0) - (a.last_message?.date ?? 0) || b.chat.id - a.chat.id,
  );
}

/** @param {AppState} state */
export async function loadChats(state) {
  const user = currentUser(state);
  if (!user) {
    state.chats = [];
    return;
  }
  const chats = await api.chats(user.id);
  // The private chat with the bot exists from the user's side before anyone has written in it.
  if (!chats.some((c) => c.chat.id === user.id)) {
    chats.push({ chat: { id: user.id, type: 'private', first_name: user.first_name } });
  }
  state.chats = chats.map((c) => ({
    ...c,
    last_message: c.last_message?.deleted ? undefined : c.last_message,
  }));
  sortChats(state);
}

/** @param {AppState} state @param {number} chatId */
async function loadChat(state, chatId) {
  const chat = state.chats.find((c) => c.chat.id === chatId)?.chat;
  const [messages, topics] = await Promise.all([
    api.history(chatId).catch((/** @type {unknown} */ error) => {
      if (error instanceof ApiError && error.status === 404) return []; // nobody has written yet
      throw error;
    }),
    chat?.is_forum ? api.topics(chatId) : Promise.resolve([]),
  ]);
  state.messages.set(
    chatId,
    messages.filter((m) => !m.deleted),
  );
  state.topics.set(chatId, topics);
}

/** @param {AppState} state @param {number} id */
export async function selectUser(state, id) {
  state.userId = id;
  localStorage.setItem(USER_KEY, String(id));
  state.chatId = null;
  state.replyTo = null;
  state.unread.clear();
  const [, { blocked }] = await Promise.all([loadChats(state), api.user(id)]);
  if (blocked) state.blocked.add(id);
  else state.blocked.delete(id);
  const privateChat = state.chats.find((c) => c.chat.type === 'private');
  if (privateChat) await selectChat(state, privateChat.chat.id);
  else renderAll(state);
}

/** @param {AppState} state @param {number} chatId */
export async function selectChat(state, chatId) {
  state.chatId = chatId;
  state.threadId = null;
  state.replyTo = null;
  state.unread.delete(chatId);
  document.body.classList.add('show-chat');
  // Commands and the menu button may have changed since the page loaded; there is no event for them.
  const [info] = await Promise.all([api.info(), loadChat(state, chatId)]);
  state.info = info;
  if (state.chatId !== chatId) return;
  renderAll(state);
  renderMessages(state);
  setComposerEnabled(true);
}

/** @param {AppState} state @param {number | null} threadId */
export function selectThread(state, threadId) {
  state.threadId = threadId;
  renderTopics(state);
  renderMessages(state);
}

/**
 * Sends a message from the current user to the open chat (and topic), as a reply if one is set.
 * @param {AppState} state @param {Record<string, unknown>} body
 */
export async function send(state, body) {
  const user = currentUser(state);
  if (!user || state.chatId === null) throw new ApiError(400, 'Pick a user and a chat first');
  const replyTo = state.replyTo;
  state.replyTo = null;
  renderComposer(state);
  const message = await api.send({
    from: user.id,
    chat_id: state.chatId,
    ...(state.threadId !== null ? { message_thread_id: state.threadId } : {}),
    ...(replyTo ? { reply_to_message_id: replyTo.message_id } : {}),
    ...body,
  });
  applyMessage(state, message, false);
}

/** Records a new or edited message and updates whatever shows it. @param {AppState} state @param {Message} message @param {boolean} edited */
export function applyMessage(state, message, edited) {
  const chatId = message.chat.id;
  const entry = state.chats.find((c) => c.chat.id === chatId);
  if (!entry) {
    // Possibly a chat the current user was just added to.
    if (state.userId !== null && !edited) run(() => loadChats(state).then(() => renderChatList(state)));
    return;
  }
  if (message.deleted) return;
  const isNew = storeMessage(state, message);
  const last = entry.last_message;
  if (!last || message.message_id >= last.message_id) entry.last_message = message;
  if (message.from?.is_bot) {
    clearTyping(state, chatId);
    if (message.reply_markup?.keyboard) state.keyboardHidden.delete(chatId);
  }
  if (chatId === state.chatId && inCurrentThread(state, message)) upsertMessage(state, message);
  else if (isNew && !edited && chatId !== state.chatId && message.from?.id !== state.userId) {
    state.unread.set(chatId, (state.unread.get(chatId) ?? 0) + 1);
  }
  sortChats(state);
  renderChatList(state);
  if (chatId === state.chatId) {
    renderHeader(state);
    renderComposer(state);
  }
}

/** @param {AppState} state @param {number} chatId @param {number} messageId */
export function applyDeleted(state, chatId, messageId) {
  dropMessage(state, chatId, messageId);
  const entry = state.chats.find((c) => c.chat.id === chatId);
  if (entry?.last_message?.message_id === messageId) entry.last_message = state.messages.get(chatId)?.at(-1);
  if (chatId === state.chatId) {
    removeMessage(messageId);
    renderComposer(state);
  }
  renderChatList(state);
}

/** @param {AppState} state @param {number} chatId */
function clearTyping(state, chatId) {
  clearTimeout(state.typing.get(chatId));
  state.typing.delete(chatId);
}

/** Shows "typing…" for the chat until the bot's next message or for 5 s. @param {AppState} state @param {number} chatId */
export function showTyping(state, chatId) {
  clearTyping(state, chatId);
  const refresh = () => {
    renderChatList(state);
    if (chatId === state.chatId) renderHeader(state);
  };
  state.typing.set(
    chatId,
    setTimeout(() => {
      state.typing.delete(chatId);
      refresh();
    }, TYPING_MS),
  );
  refresh();
}

/** Shows a callback query answer: a toast, or an alert when the bot asked for one. @param {import('./api.js').CallbackAnswer | null} answer */
export function showAnswer(answer) {
  if (!answer) return;
  if (answer.url) window.open(answer.url, '_blank', 'noopener');
  if (!answer.text) return;
  if (answer.show_alert) alertDialog(answer.text);
  else toast(answer.text);
}

/** Opens the bot's Mini App (or the one an inline button names) in the side panel. @param {AppState} state @param {string} [buttonUrl] */
export async function openWebApp(state, buttonUrl) {
  const user = currentUser(state);
  if (!user || state.chatId === null) return;
  const { url, init_data } = await api.webApp(user.id, state.chatId);
  const target = buttonUrl ? withInitData(buttonUrl, init_data) : url;
  openWebAppPanel(target, state.info?.menu_button.text ?? state.info?.bot.first_name ?? 'Mini App');
}

/** Re-fetches everything after the event stream dropped or the sandbox was reset. @param {AppState} state */
export async function resync(state) {
  const [info, users] = await Promise.all([api.info(), api.users()]);
  state.info = info;
  state.users = users;
  state.messages.clear();
  const userId = state.users.some((u) => u.id === state.userId) ? state.userId : (users[0]?.id ?? null);
  if (userId === null) {
    state.userId = null;
    state.chatId = null;
    state.chats = [];
    renderAll(state);
    renderMessages(state);
    return;
  }
  const chatId = state.chatId;
  await selectUser(state, userId);
  if (chatId !== null && chatId !== state.chatId && state.chats.some((c) => c.chat.id === chatId)) {
    await selectChat(state, chatId);
  }
}
