// Renders Telegram message entities into DOM nodes. Offsets and lengths are UTF-16 code units,
// which is exactly how JavaScript strings index, so plain slice() is correct even with emoji.

import { h } from './dom.js';

/** @typedef {import('./api.js').MessageEntity} MessageEntity */
/** @typedef {MessageEntity & {end: number}} Span */
/** @typedef {{onCommand: (command: string) => void}} EntityHandlers */

const BLOCKS = new Set(['pre', 'blockquote', 'expandable_blockquote']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'tg:', 'mailto:', 'tel:']);

/** Returns the URL if it is safe to put in an href, else null. @param {string} url */
export function safeHref(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** @param {Span} a @param {Span} b */
function byPosition(a, b) {
  return a.offset - b.offset || b.end - a.end;
}

/**
 * @param {string} text
 * @param {MessageEntity[] | undefined} entities
 * @param {EntityHandlers} handlers
 * @returns {DocumentFragment}
 */
export function renderEntities(text, entities, handlers) {
  const spans = (entities ?? [])
    .filter((e) => e.length > 0 && e.offset >= 0 && e.offset < text.length)
    .map((e) => ({ ...e, end: Math.min(text.length, e.offset + e.length) }))
    .sort(byPosition);
  const fragment = document.createDocumentFragment();
  fragment.append(...build(text, spans, 0, text.length, handlers));
  return fragment;
}

/**
 * Builds the nodes for text[start, end) given the spans inside it (sorted). A span that crosses
 * its parent's end is split in two, so overlapping entities still nest into a valid tree.
 * @param {string} text @param {Span[]} spans @param {number} start @param {number} end
 * @param {EntityHandlers} handlers
 * @returns {(Node|string)[]}
 */
function build(text, spans, start, end, handlers) {
  /** @type {(Node|string)[]} */
  const out = [];
  const queue = [...spans];
  let pos = start;
  while (queue.length > 0) {
    let span = /** @type {Span} */ (queue.shift());
    if (span.end <= pos) continue;
    if (span.offset < pos) span = { ...span, offset: pos };
    const block = BLOCKS.has(span.type);
    // A block already breaks the line, so the newline next to it would show as an empty line.
    const before = text.slice(pos, span.offset);
    if (before) out.push(block && before.endsWith('\n') ? before.slice(0, -1) : before);
    /** @type {Span[]} */
    const inner = [];
    while (queue.length > 0 && /** @type {Span} */ (queue[0]).offset < span.end) {
      const child = /** @type {Span} */ (queue.shift());
      if (child.end > span.end) {
        inner.push({ ...child, end: span.end });
        queue.push({ ...child, offset: span.end });
        queue.sort(byPosition);
      } else inner.push(child);
    }
    const raw = text.slice(span.offset, span.end);
    out.push(wrap(span, raw, build(text, inner, span.offset, span.end, handlers), handlers));
    pos = span.end;
    if (block && text[pos] === '\n' && pos < end) pos += 1;
  }
  if (pos < end) out.push(text.slice(pos, end));
  return out;
}

/**
 * @param {string} href @param {(Node|string)[]} children
 */
function link(href, children) {
  const safe = safeHref(href);
  if (!safe) return h('span', { class: 'link-unsafe', title: href }, children);
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, children);
}

/**
 * @param {Span} span @param {string} raw @param {(Node|string)[]} children @param {EntityHandlers} handlers
 * @returns {Node}
 */
function wrap(span, raw, children, handlers) {
  switch (span.type) {
    case 'bold':
      return h('strong', {}, children);
    case 'italic':
      return h('em', {}, children);
    case 'underline':
      return h('u', {}, children);
    case 'strikethrough':
      return h('s', {}, children);
    case 'code':
      return h('code', { class: 'inline-code' }, children);
    case 'pre':
      return h(
        'pre',
        { class: 'pre', dataset: span.language ? { language: span.language } : {} },
        span.language ? h('span', { class: 'pre-language' }, span.language) : null,
        h('code', {}, children),
      );
    case 'blockquote':
    case 'expandable_blockquote':
      return h('blockquote', { class: span.type }, children);
    case 'spoiler':
      return h(
        'span',
        {
          class: 'spoiler',
          role: 'button',
          tabindex: '0',
          title: 'Spoiler: click to reveal',
          onclick: (/** @type {Event} */ event) => {
            const el = /** @type {HTMLElement} */ (event.currentTarget);
            if (!el.classList.contains('revealed')) event.preventDefault();
            el.classList.add('revealed');
          },
        },
        children,
      );
    case 'text_link':
      return link(span.url ?? '', children);
    case 'url':
      return link(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`, children);
    case 'email':
      return link(`mailto:${raw}`, children);
    case 'phone_number':
      return link(`tel:${raw.replace(/[^\d+]/g, '')}`, children);
    case 'mention':
      return link(`https://t.me/${raw.slice(1)}`, children);
    case 'text_mention':
      return h('span', { class: 'mention', title: `user ${span.user?.id ?? ''}` }, children);
    case 'bot_command':
      return h(
        'a',
        {
          class: 'bot-command',
          href: '#',
          onclick: (/** @type {Event} */ event) => {
            event.preventDefault();
            handlers.onCommand(raw);
          },
        },
        children,
      );
    case 'hashtag':
    case 'cashtag':
      return h('span', { class: 'hashtag' }, children);
    default:
      return h('span', { class: `entity-${span.type}` }, children);
  }
}
