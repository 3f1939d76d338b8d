// Left column: the user switcher (with its menu) and the chat list.

import { $, avatar, formatTime, h } from './dom.js';
import { displayName, summarize } from './message-view.js';
import { chatAvatarId, chatTitle, currentUser, isBlocked } from './state.js';

/**
 * @typedef {import('./state.js').AppState} AppState
 * @typedef {{
 *   selectUser: (id: number) => void,
 *   selectChat: (id: number) => void,
 *   newUser: () => void,
 *   newGroup: () => void,
 *   toggleBlock: () => void,
 * }} SidebarActions
 */

/** @type {SidebarActions} */
let actions;

/** @param {AppState} state @param {SidebarActions} sidebarActions */
export function initSidebar(state, sidebarActions) {
  actions = sidebarActions;
  const menu = $('#user-menu');
  $('#user-switcher').addEventListener('click', (event) => {
    event.stopPropagation();
    menu.hidden = !menu.hidden;
    if (!menu.hidden) renderUserMenu(state);
  });
  document.addEventListener('click', (event) => {
    if (!menu.contains(/** @type {Node} */ (event.target))) menu.hidden = true;
  });
  $('#new-group-button').addEventListener('click', () => actions.newGroup());
  $('#chat-search').addEventListener('input', (event) => {
    state.filter = /** @type {HTMLInputElement} */ (event.target).value.trim().toLowerCase();
    renderChatList(state);
  });
}

/** @param {AppState} state */
export function renderCurrentUser(state) {
  const user = currentUser(state);
  const host = $('#current-user');
  if (!user) {
    host.replaceChildren(h('span', { class: 'user-name' }, 'Choose a user'));
    return;
  }
  host.replaceChildren(
    avatar(user.id, displayName(user), 'small'),
    h(
      'span',
      { class: 'user-text' },
      h('span', { class: 'user-name' }, displayName(user)),
      h('span', { class: 'user-sub' }, user.username ? `@${user.username}` : `id ${user.id}`),
    ),
  );
}

/** @param {AppState} state */
function renderUserMenu(state) {
  const menu = $('#user-menu');
  const user = currentUser(state);
  const close = () => {
    menu.hidden = true;
  };
  menu.replaceChildren(
    h('div', { class: 'menu-label' }, 'Act as'),
    ...state.users.map((u) =>
      h(
        'button',
        {
          type: 'button',
          role: 'menuitemradio',
          'aria-checked': String(u.id === state.userId),
          class: `menu-user ${u.id === state.userId ? 'active' : ''}`,
          onclick: () => {
            close();
            actions.selectUser(u.id);
          },
        },
        avatar(u.id, displayName(u), 'small'),
        h(
          'span',
          { class: 'user-text' },
          h('span', { class: 'user-name' }, displayName(u)),
          h(
            'span',
            { class: 'user-sub' },
            [u.username ? `@${u.username}` : `id ${u.id}`, u.language_code ?? ''].join(' · '),
          ),
        ),
        u.id === state.userId ? h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓') : null,
      ),
    ),
    h('hr'),
    h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        onclick: () => {
          close();
          actions.newUser();
        },
      },
      '👤 New user',
    ),
    h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        onclick: () => {
          close();
          actions.newGroup();
        },
      },
      '👥 Create group',
    ),
    user
      ? h(
          'button',
          {
            type: 'button',
            role: 'menuitem',
            class: 'danger',
            onclick: () => {
              close();
              actions.toggleBlock();
            },
          },
          isBlocked(state, user) ? '✅ Unblock bot' : '⛔ Block bot',
        )
      : null,
  );
}

/** @param {AppState} state */
export function renderChatList(state) {
  const list = $('#chat-list');
  const entries = state.chats.filter(
    (entry) => !state.filter || chatTitle(state, entry.chat).toLowerCase().includes(state.filter),
  );
  if (entries.length === 0) {
    list.replaceChildren(
      h('div', { class: 'chat-list-empty' }, state.userId ? 'No chats' : 'Create a user to start'),
    );
    return;
  }
  list.replaceChildren(
    ...entries.map(({ chat, last_message: last }) => {
      const title = chatTitle(state, chat);
      const unread = state.unread.get(chat.id) ?? 0;
      const typing = state.typing.has(chat.id);
      const senderPrefix =
        last && chat.type !== 'private' && last.from
          ? `${last.from.id === state.userId ? 'You' : last.from.first_name}: `
          : last && last.from?.id === state.userId
            ? 'You: '
            : '';
      return h(
        'button',
        {
          type: 'button',
          class: `chat-item ${chat.id === state.chatId ? 'active' : ''}`,
          dataset: { chatId: String(chat.id) },
          'aria-current': chat.id === state.chatId ? 'true' : null,
          onclick: () => actions.selectChat(chat.id),
        },
        avatar(chatAvatarId(state, chat), title),
        h(
          'span',
          { class: 'chat-item-body' },
          h(
            'span',
            { class: 'chat-item-top' },
            h(
              'span',
              { class: 'chat-item-title' },
              chat.is_forum ? h('span', { class: 'badge-icon', title: 'Forum' }, '#') : null,
              chat.type !== 'private' && !chat.is_forum
                ? h('span', { class: 'badge-icon', title: 'Group' }, '👥')
                : null,
              title,
              chat.type === 'private' ? h('span', { class: 'bot-badge' }, 'bot') : null,
            ),
            last ? h('span', { class: 'chat-item-time' }, formatTime(last.date)) : null,
          ),
          h(
            'span',
            { class: 'chat-item-bottom' },
            typing
              ? h('span', { class: 'chat-item-preview typing' }, 'typing…')
              : h(
                  'span',
                  { class: 'chat-item-preview' },
                  senderPrefix ? h('span', { class: 'preview-sender' }, senderPrefix) : null,
                  last ? summarize(last) : chat.type === 'private' ? 'Start the bot' : 'No messages yet',
                ),
            unread ? h('span', { class: 'unread' }, String(unread)) : null,
          ),
        ),
      );
    }),
  );
}
