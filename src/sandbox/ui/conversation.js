// The open chat: header (title, typing…, actions), forum topic tabs and the message list.

import { $, avatar, formatDay, h } from './dom.js';
import { renderMessage } from './message-view.js';
import { chatAvatarId, chatTitle, currentChat, currentUser, isBlocked, visibleMessages } from './state.js';

/**
 * @typedef {import('./state.js').AppState} AppState
 * @typedef {import('./api.js').Message} Message
 * @typedef {Omit<import('./message-view.js').MessageContext, 'own' | 'showSender'> & {
 *   selectThread: (threadId: number | null) => void,
 *   newTopic: () => void,
 * }} ConversationActions
 */

const TOPIC_COLORS = /** @type {Record<number, string>} */ ({
  7322096: '#6fb9f0',
  16766590: '#ffd67e',
  13338331: '#cb86db',
  9367192: '#8eee98',
  16749490: '#ff93b2',
  16478047: '#fb6f5f',
});

/** @type {ConversationActions} */
let actions;
/** Whether the list follows the newest message as content changes size (images, keyboards). */
let pinned = true;
let lastHeight = 0;

/** @param {ConversationActions} conversationActions */
export function initConversation(conversationActions) {
  actions = conversationActions;
  const scroller = $('#messages');
  // Measured against the height at the last resize: a scroll event can arrive after new content
  // has already grown the list, and must not count as the user scrolling away from the end.
  scroller.addEventListener('scroll', () => {
    pinned = scroller.scrollTop + scroller.clientHeight >= lastHeight - 80;
  });
  const observer = new ResizeObserver(() => {
    if (pinned) scroller.scrollTop = scroller.scrollHeight;
    lastHeight = scroller.scrollHeight;
  });
  observer.observe(scroller);
  observer.observe($('#message-list'));
}

/** @param {AppState} state */
export function renderHeader(state) {
  const chat = currentChat(state);
  document.body.classList.toggle('has-chat', Boolean(chat));
  if (!chat) return;
  const title = chatTitle(state, chat);
  $('#chat-avatar').replaceChildren(avatar(chatAvatarId(state, chat), title));
  $('#chat-name').textContent = title;
  const status = $('#chat-status');
  if (state.typing.has(chat.id)) {
    status.replaceChildren(
      h('span', { class: 'typing-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
      'typing',
    );
    status.classList.add('typing');
  } else {
    status.classList.remove('typing');
    const bot = state.info?.bot;
    status.textContent =
      chat.type === 'private'
        ? `bot${bot?.username ? ` · @${bot.username}` : ''}`
        : chat.is_forum
          ? 'forum'
          : chat.type === 'supergroup'
            ? 'supergroup'
            : 'group';
  }
  const user = currentUser(state);
  const block = $('#block-toggle');
  block.hidden = chat.type !== 'private' || !user;
  const blocked = isBlocked(state, user);
  block.textContent = blocked ? 'Unblock bot' : 'Block bot';
  block.classList.toggle('danger', !blocked);
  $('#blocked-banner').hidden = !(blocked && chat.type === 'private');
}

/** @param {AppState} state */
export function renderTopics(state) {
  const chat = currentChat(state);
  const nav = $('#topics');
  nav.hidden = !chat?.is_forum;
  if (!chat?.is_forum) return;
  const tab = (/** @type {number | null} */ id, /** @type {string} */ name, /** @type {string} */ color) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: `topic-tab ${state.threadId === id ? 'active' : ''}`,
        'aria-selected': String(state.threadId === id),
        onclick: () => actions.selectThread(id),
      },
      h('span', { class: 'topic-dot', style: `--topic: ${color}` }, id === null ? '#' : ''),
      name,
    );
  nav.replaceChildren(
    tab(null, 'General', '#8e9aa6'),
    ...(state.topics.get(chat.id) ?? []).map((t) =>
      tab(t.message_thread_id, t.name, TOPIC_COLORS[t.icon_color ?? 0] ?? '#6fb9f0'),
    ),
    h(
      'button',
      { type: 'button', class: 'topic-tab new-topic', onclick: () => actions.newTopic(), title: 'New topic' },
      '+ New topic',
    ),
  );
}

/** @param {AppState} state @param {Message} message */
function messageNode(state, message) {
  const chat = currentChat(state);
  const own = message.from?.id === state.userId;
  return renderMessage(message, { ...actions, own, showSender: chat?.type !== 'private' && !own });
}

/** @param {Message} message */
function daySeparator(message) {
  return h(
    'div',
    { class: 'day', dataset: { day: new Date(message.date * 1000).toDateString() } },
    h('span', {}, formatDay(message.date)),
  );
}

/** Re-renders the whole list (chat or topic switch, history load) and scrolls to the end. */
export function renderMessages(/** @type {AppState} */ state) {
  const list = $('#message-list');
  /** @type {Node[]} */
  const nodes = [];
  let day = '';
  for (const message of visibleMessages(state)) {
    const messageDay = new Date(message.date * 1000).toDateString();
    if (messageDay !== day) nodes.push(daySeparator(message));
    day = messageDay;
    nodes.push(messageNode(state, message));
  }
  if (nodes.length === 0 && state.chatId !== null) {
    nodes.push(h('div', { class: 'no-messages' }, h('span', {}, 'No messages here yet')));
  }
  list.replaceChildren(...nodes);
  scrollToEnd(true);
}

/** Scrolls to the newest message if following it, or always when `force`. @param {boolean} force */
function scrollToEnd(force) {
  const scroller = $('#messages');
  if (force) pinned = true;
  if (pinned) scroller.scrollTop = scroller.scrollHeight;
}

/**
 * Shows a new or edited message in place, without re-rendering the rest of the list (so an
 * audio player elsewhere keeps playing and revealed spoilers stay revealed).
 * @param {AppState} state @param {Message} message
 */
export function upsertMessage(state, message) {
  const list = $('#message-list');
  const node = messageNode(state, message);
  const existing = list.querySelector(`[data-id="${message.message_id}"]`);
  if (existing) {
    existing.replaceWith(node);
    return;
  }
  const rows = [...list.querySelectorAll('[data-id]')];
  const last = rows.at(-1);
  if (last && Number(/** @type {HTMLElement} */ (last).dataset.id) > message.message_id) {
    renderMessages(state);
    return;
  }
  list.querySelector('.no-messages')?.remove();
  const days = list.querySelectorAll('.day');
  const lastDay = /** @type {HTMLElement | undefined} */ (days[days.length - 1])?.dataset.day;
  if (lastDay !== new Date(message.date * 1000).toDateString()) list.append(daySeparator(message));
  list.append(node);
  scrollToEnd(message.from?.id === state.userId);
}

/** @param {number} messageId */
export function removeMessage(messageId) {
  const node = $('#message-list').querySelector(`[data-id="${messageId}"]`);
  if (!node) return;
  const previous = node.previousElementSibling;
  const next = node.nextElementSibling;
  node.remove();
  // A day separator left with no messages under it goes too.
  if (previous?.classList.contains('day') && (!next || next.classList.contains('day'))) previous.remove();
}
