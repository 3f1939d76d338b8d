// Small DOM helpers. User-provided text only ever becomes text nodes or attribute values.

/** Properties set directly on the element instead of as attributes. */
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'textContent', 'title', 'selected']);

/**
 * Creates an element. `on*` props become listeners, `class` the class name; children may be
 * strings (rendered as text), nodes, arrays, or null/false (skipped).
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    } else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (PROPERTIES.has(key)) Reflect.set(el, key, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {unknown[]} children */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** @param {string} selector @returns {HTMLElement} */
export function $(selector) {
  const el = document.querySelector(selector);
  if (!(el instanceof HTMLElement)) throw new Error(`missing element ${selector}`);
  return el;
}

/** Telegram's avatar palette, picked by id like the official clients do. */
const AVATAR_COLORS = ['#e17076', '#faa774', '#a695e7', '#7bc862', '#6ec9cb', '#65aadd', '#ee7aae'];

/** @param {number} id */
export function colorFor(id) {
  return AVATAR_COLORS[Math.abs(id) % AVATAR_COLORS.length] ?? '#65aadd';
}

/** @param {string} name */
export function initials(name) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** @param {number} id @param {string} name @param {string} [size] */
export function avatar(id, name, size = '') {
  return h(
    'div',
    { class: `avatar ${size}`, style: `--avatar: ${colorFor(id)}`, 'aria-hidden': 'true' },
    initials(name),
  );
}

/** @param {number} unixSeconds */
export function formatTime(unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** @param {number} unixSeconds */
export function formatDay(unixSeconds) {
  const date = new Date(unixSeconds * 1000);
  const today = new Date();
  if (date.toDateString() === today.toDateString()) return 'Today';
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return date.toLocaleDateString([], { month: 'long', day: 'numeric' });
}

/** @param {number} bytes */
export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Shows a short message that fades out by itself. @param {string} text */
export function toast(text) {
  const host = $('#toasts');
  const el = h('div', { class: 'toast', role: 'status' }, text);
  host.append(el);
  setTimeout(() => el.classList.add('leaving'), 2600);
  setTimeout(() => el.remove(), 3000);
}

/** A modal alert, like Telegram's show_alert popup. @param {string} text */
export function alertDialog(text) {
  const dialog = /** @type {HTMLDialogElement} */ ($('#alert-dialog'));
  $('#alert-text').textContent = text;
  dialog.showModal();
}
