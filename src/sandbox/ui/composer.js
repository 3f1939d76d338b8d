// The input bar: text box, send, attach menu, bot commands ("/") menu, Mini App menu button,
// reply preview and the bot's reply keyboard panel.

import { $, h } from './dom.js';
import { displayName, summarize } from './message-view.js';
import { activeReplyKeyboard, commandsFor, currentChat, currentUser } from './state.js';

/**
 * @typedef {import('./state.js').AppState} AppState
 * @typedef {import('./api.js').KeyboardButton} KeyboardButton
 * @typedef {{
 *   sendText: (text: string) => void,
 *   sendFile: (kind: 'photo' | 'document' | 'voice', file: File, caption: string) => void,
 *   askLocation: () => void,
 *   openWebApp: (url?: string) => void,
 *   clearReply: () => void,
 *   rerender: () => void,
 * }} ComposerActions
 */

/** @type {Map<string, boolean | 'checking'>} Whether a Mini App URL answers (checked once per URL). */
const served = new Map();

/** @param {string} url @param {() => void} rerender */
function appServed(url, rerender) {
  // Another origin cannot be probed from this page (CORS); the bot's owner vouches for it.
  if (new URL(url, location.href).origin !== location.origin) return true;
  const known = served.get(url);
  if (known === true || known === false) return known;
  if (known === 'checking') return false;
  served.set(url, 'checking');
  fetch(url, { method: 'GET', redirect: 'follow' })
    .then((response) => served.set(url, response.ok))
    .catch(() => served.set(url, false))
    .finally(rerender);
  return false;
}

const input = () => /** @type {HTMLTextAreaElement} */ ($('#input'));

function autosize() {
  const box = input();
  box.style.height = 'auto';
  box.style.height = `${Math.min(box.scrollHeight, 180)}px`;
}

/** Closes every popover but the given one. @param {HTMLElement | null} keep */
function closePopovers(keep) {
  for (const id of ['#commands-menu', '#attach-menu']) {
    const el = $(id);
    if (el !== keep) el.hidden = true;
  }
}

/** @type {ComposerActions} */
let actions;

/** @param {AppState} state @param {ComposerActions} composerActions */
export function initComposer(state, composerActions) {
  actions = composerActions;
  const box = input();
  const send = () => {
    const text = box.value.trim();
    if (!text) return;
    box.value = '';
    autosize();
    actions.sendText(text);
  };
  box.addEventListener('input', autosize);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
    if (event.key === 'Escape') actions.clearReply();
  });
  $('#send-button').addEventListener('click', send);

  /** @param {string} id @param {HTMLElement} menu */
  const toggle = (id, menu) =>
    $(id).addEventListener('click', (event) => {
      event.stopPropagation();
      menu.hidden = !menu.hidden;
      closePopovers(menu);
    });
  toggle('#commands-button', $('#commands-menu'));
  toggle('#attach-button', $('#attach-menu'));
  document.addEventListener('click', () => closePopovers(null));

  for (const kind of /** @type {const} */ (['photo', 'document', 'voice'])) {
    const picker = /** @type {HTMLInputElement} */ ($(`#file-${kind}`));
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      picker.value = '';
      if (!file) return;
      const caption = kind === 'voice' ? '' : box.value.trim();
      if (caption) box.value = '';
      actions.sendFile(kind, file, caption);
    });
  }
  for (const item of $('#attach-menu').querySelectorAll('button')) {
    item.addEventListener('click', () => {
      const kind = item.dataset.attach;
      if (kind === 'location') actions.askLocation();
      else $(`#file-${kind}`).click();
    });
  }
  $('#menu-app-button').addEventListener('click', () => actions.openWebApp());
  $('#keyboard-toggle').addEventListener('click', () => {
    if (state.chatId === null) return;
    if (state.keyboardHidden.has(state.chatId)) state.keyboardHidden.delete(state.chatId);
    else state.keyboardHidden.add(state.chatId);
    actions.rerender();
  });
}

/** @param {AppState} state */
export function renderComposer(state) {
  const user = currentUser(state);
  const chat = currentChat(state);
  const commands = user ? commandsFor(state, user) : [];
  $('#commands-button').hidden = commands.length === 0;
  $('#commands-menu').replaceChildren(
    h('div', { class: 'menu-label' }, 'Commands'),
    ...commands.map((c) =>
      h(
        'button',
        { type: 'button', role: 'menuitem', onclick: () => actions.sendText(`/${c.command}`) },
        h('span', { class: 'command-name' }, `/${c.command}`),
        h('span', { class: 'command-description' }, c.description),
      ),
    ),
  );

  const menuButton = state.info?.menu_button;
  const appButton = $('#menu-app-button');
  appButton.hidden = !(menuButton?.type === 'web_app' && chat?.type === 'private');
  appButton.textContent = menuButton?.text ?? 'Open';
  // The header button opens the bot's Mini App from any chat, as long as the bot has one that
  // answers: a URL nobody serves yet (the Mini App comes later) would only show an error page.
  const headerApp = $('#header-webapp');
  const appUrl = menuButton?.type === 'web_app' ? menuButton.web_app?.url : state.info?.web_app_url;
  headerApp.hidden = !(appUrl && appServed(appUrl, actions.rerender));
  headerApp.textContent = menuButton?.type === 'web_app' && menuButton.text ? menuButton.text : 'Open app';

  const preview = $('#reply-preview');
  preview.hidden = !state.replyTo;
  if (state.replyTo) {
    preview.replaceChildren(
      h('span', { class: 'reply-icon', 'aria-hidden': 'true' }, '↩'),
      h(
        'span',
        { class: 'reply-text' },
        h('b', {}, `Reply to ${displayName(state.replyTo.from)}`),
        h('span', {}, summarize(state.replyTo)),
      ),
      h(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': 'Cancel reply', onclick: actions.clearReply },
        '✕',
      ),
    );
  }
  renderReplyKeyboard(state);
}

/** @param {AppState} state */
function renderReplyKeyboard(state) {
  const markup = activeReplyKeyboard(state);
  const panel = $('#reply-keyboard');
  const hidden = state.chatId !== null && state.keyboardHidden.has(state.chatId);
  $('#keyboard-toggle').hidden = !markup;
  $('#keyboard-toggle').classList.toggle('active', Boolean(markup) && !hidden);
  input().placeholder = markup?.input_field_placeholder ?? 'Message';
  panel.hidden = !markup || hidden;
  if (!markup?.keyboard) {
    panel.replaceChildren();
    return;
  }
  /** @param {KeyboardButton | string} raw */
  const press = (raw) => {
    const button = typeof raw === 'string' ? { text: raw } : raw;
    if (markup.one_time_keyboard && state.chatId !== null) state.keyboardHidden.add(state.chatId);
    if (button.request_location) actions.askLocation();
    else if (button.web_app) actions.openWebApp(button.web_app.url);
    else actions.sendText(button.text);
    actions.rerender();
  };
  panel.replaceChildren(
    ...markup.keyboard.map((row) =>
      h(
        'div',
        { class: 'reply-row' },
        row.map((raw) =>
          h(
            'button',
            { type: 'button', class: 'reply-button', onclick: () => press(raw) },
            typeof raw === 'string' ? raw : raw.text,
          ),
        ),
      ),
    ),
  );
}

/** @param {boolean} enabled */
export function setComposerEnabled(enabled) {
  input().disabled = !enabled;
  if (enabled) input().focus({ preventScroll: true });
}
