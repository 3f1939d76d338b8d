// One message: its bubble (sender, reply quote, media, text with entities, time) and inline keyboard.

import { api } from './api.js';
import { avatar, colorFor, formatSize, formatTime, h } from './dom.js';
import { renderEntities } from './entities.js';

/**
 * @typedef {import('./api.js').Message} Message
 * @typedef {import('./api.js').KeyboardButton} KeyboardButton
 * @typedef {{
 *   own: boolean,
 *   showSender: boolean,
 *   onCommand: (command: string) => void,
 *   onButton: (message: Message, button: KeyboardButton, el: HTMLButtonElement) => void,
 *   onReply: (message: Message) => void,
 * }} MessageContext
 */

/** @param {import('./api.js').User | undefined} user */
export function displayName(user) {
  if (!user) return 'Unknown';
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}

/** A one-line summary for chat previews and reply quotes. @param {Message} message */
export function summarize(message) {
  const text = message.text ?? message.caption ?? '';
  if (message.photo) return text ? `🖼 ${text}` : '🖼 Photo';
  if (message.voice) return '🎤 Voice message';
  if (message.audio) return `🎵 ${message.audio.title ?? message.audio.file_name ?? 'Audio'}`;
  if (message.document) return `📎 ${message.document.file_name ?? 'Document'}`;
  if (message.location) return '📍 Location';
  if (message.forum_topic_created) return `Topic created: ${message.forum_topic_created.name}`;
  return text;
}

/** @param {Message} message */
function media(message) {
  /** @type {Node[]} */
  const parts = [];
  const photo = message.photo?.at(-1);
  if (photo) {
    const src = api.fileUrl(photo.file_id);
    parts.push(
      h(
        'a',
        { class: 'photo', href: src, target: '_blank', rel: 'noopener' },
        h('img', { src, alt: message.caption ?? 'Photo', loading: 'lazy' }),
      ),
    );
  }
  const sound = message.voice ?? message.audio;
  if (sound) {
    parts.push(
      h(
        'div',
        { class: 'voice' },
        h('span', { class: 'voice-icon', 'aria-hidden': 'true' }, message.voice ? '🎤' : '🎵'),
        h('audio', { controls: true, preload: 'metadata', src: api.fileUrl(sound.file_id) }),
      ),
    );
  }
  if (message.document) {
    const doc = message.document;
    const name = doc.file_name ?? 'document';
    const ext = (name.includes('.') ? name.split('.').pop() : 'file') ?? 'file';
    parts.push(
      h(
        'a',
        { class: 'file-chip', href: api.fileUrl(doc.file_id), download: name },
        h('span', { class: 'file-icon' }, ext.slice(0, 4).toUpperCase()),
        h(
          'span',
          { class: 'file-meta' },
          h('span', { class: 'file-name' }, name),
          h(
            'span',
            { class: 'file-size' },
            doc.file_size ? formatSize(doc.file_size) : (doc.mime_type ?? ''),
          ),
        ),
      ),
    );
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=15/${latitude}/${longitude}`;
    parts.push(
      h(
        'a',
        { class: 'location', href, target: '_blank', rel: 'noopener noreferrer' },
        h('span', { class: 'location-pin', 'aria-hidden': 'true' }, '📍'),
        h('span', {}, h('b', {}, 'Location'), h('br'), `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`),
      ),
    );
  }
  return parts;
}

/** @param {Message} message @param {MessageContext} ctx */
function inlineKeyboard(message, ctx) {
  const rows = message.reply_markup?.inline_keyboard;
  if (!rows?.length) return null;
  return h(
    'div',
    { class: 'inline-keyboard' },
    rows.map((row) =>
      h(
        'div',
        { class: 'inline-row' },
        row.map((button) => {
          const kind = button.url
            ? 'url'
            : button.web_app
              ? 'web-app'
              : button.callback_data
                ? 'callback'
                : 'other';
          return h(
            'button',
            {
              type: 'button',
              class: `inline-button ${kind}`,
              onclick: (/** @type {Event} */ event) =>
                ctx.onButton(message, button, /** @type {HTMLButtonElement} */ (event.currentTarget)),
            },
            button.text,
          );
        }),
      ),
    ),
  );
}

/**
 * Renders a message row: avatar (for others in groups), bubble and inline keyboard.
 * @param {Message} message @param {MessageContext} ctx @returns {HTMLElement}
 */
export function renderMessage(message, ctx) {
  if (message.forum_topic_created) {
    return h('div', { class: 'service', dataset: { id: String(message.message_id) } }, summarize(message));
  }
  const text = message.text ?? message.caption ?? '';
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  const sender = message.from;
  const hasMedia = Boolean(message.photo);
  const reply = message.reply_to_message;
  const meta = h(
    'span',
    { class: 'meta' },
    message.edit_date || message.edited ? h('span', { class: 'edited' }, 'edited') : null,
    h('time', { datetime: new Date(message.date * 1000).toISOString() }, formatTime(message.date)),
    ctx.own ? h('span', { class: 'read-check', 'aria-hidden': 'true' }, '✓✓') : null,
  );
  const bubble = h(
    'div',
    { class: `bubble ${hasMedia ? 'has-photo' : ''} ${text ? '' : 'no-text'}` },
    ctx.showSender && sender
      ? h('div', { class: 'sender', style: `color: ${colorFor(sender.id)}` }, displayName(sender))
      : null,
    reply && !reply.forum_topic_created
      ? h(
          'div',
          { class: 'reply-quote', style: `--quote: ${colorFor(reply.from?.id ?? 0)}` },
          h('b', {}, displayName(reply.from)),
          h('span', {}, summarize(reply)),
        )
      : null,
    media(message),
    text ? h('div', { class: 'text' }, renderEntities(text, entities, ctx), meta) : meta,
  );
  return h(
    'div',
    {
      class: `message ${ctx.own ? 'out' : 'in'}`,
      dataset: { id: String(message.message_id) },
      ondblclick: () => ctx.onReply(message),
    },
    ctx.showSender && sender ? avatar(sender.id, displayName(sender), 'small') : null,
    h('div', { class: 'message-body' }, bubble, inlineKeyboard(message, ctx)),
  );
}
