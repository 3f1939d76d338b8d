import type { MessageEntity } from '@grammyjs/types';
import {
  byteOffset,
  EntityParseError,
  type FormattedText,
  linkEntity,
  sortEntities,
  type UserResolver,
} from './entity-parse-error.ts';

const SIMPLE_TAGS: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  code: 'code',
  pre: 'pre',
};
const SUPPORTED = new Set([...Object.keys(SIMPLE_TAGS), 'a', 'blockquote', 'tg-emoji']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  name: string;
  offset: number;
  attrs: Map<string, string>;
}

const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';

/** Decodes `&name;` / `&#N;` / `&#xN;` at `i`; null when it is not a supported entity (then `&` is literal). */
function decodeEntity(src: string, i: number): { value: string; length: number } | null {
  const match = /^&(#x[0-9a-f]{1,8}|#[0-9]{1,10}|[a-z]{2,8});/i.exec(src.slice(i, i + 14));
  if (!match?.[1]) return null;
  const body = match[1];
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return { value: String.fromCodePoint(code), length: match[0].length };
  }
  const named = NAMED[body];
  return named ? { value: named, length: match[0].length } : null;
}

function decodeAll(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === '&' ? decodeEntity(value, i) : null;
    if (decoded) {
      out += decoded.value;
      i += decoded.length;
    } else out += value[i++];
  }
  return out;
}

/** Parses Telegram's HTML parse mode into plain text plus UTF-16 entities. */
export function parseHtml(src: string, resolveUser?: UserResolver): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const fail = (message: string, at: number): never => {
    throw new EntityParseError(`${message} at byte offset ${byteOffset(src, at)}`);
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '&') {
      const decoded = decodeEntity(src, i);
      text += decoded ? decoded.value : '&';
      i += decoded ? decoded.length : 1;
      continue;
    }
    if (ch !== '<') {
      text += ch;
      i++;
      continue;
    }
    const begin = i++;
    if (src[i] === '/') {
      i++;
      let name = '';
      while (i < src.length && !isSpace(src[i]) && src[i] !== '>') name += src[i++];
      while (isSpace(src[i])) i++;
      if (src[i] !== '>') fail('Unclosed end tag', begin);
      i++;
      name = name.toLowerCase();
      const open = stack.pop();
      if (!open) return fail('Unexpected end tag', begin);
      if (open.name !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${open.name}>", found "</${name}>"`,
        );
      }
      closeTag(open, text.length, entities, resolveUser);
      continue;
    }
    let name = '';
    while (i < src.length && !isSpace(src[i]) && src[i] !== '>') name += src[i++];
    if (i >= src.length) fail('Unclosed start tag', begin);
    name = name.toLowerCase();
    if (!SUPPORTED.has(name)) fail(`Unsupported start tag "${name}"`, begin);
    const attrs = new Map<string, string>();
    while (src[i] !== '>') {
      while (isSpace(src[i])) i++;
      if (src[i] === '>') break;
      let attr = '';
      while (i < src.length && !isSpace(src[i]) && src[i] !== '=' && src[i] !== '>') attr += src[i++];
      if (attr === '') fail(`Empty attribute name in the tag "${name}"`, begin);
      while (isSpace(src[i])) i++;
      if (i >= src.length) fail('Unclosed start tag', begin);
      if (src[i] !== '=') {
        if (name === 'blockquote' && attr.toLowerCase() === 'expandable') {
          attrs.set('expandable', '1');
          continue;
        }
        fail(`Expected equal sign in declaration of an attribute of the tag "${name}"`, begin);
      }
      i++;
      while (isSpace(src[i])) i++;
      if (i >= src.length) fail('Unclosed start tag', begin);
      let value = '';
      const quote = src[i];
      if (quote === '"' || quote === "'") {
        const end = src.indexOf(quote, i + 1);
        if (end < 0) fail(`Unclosed start tag`, begin);
        value = src.slice(i + 1, end);
        i = end + 1;
      } else {
        while (i < src.length && /[A-Za-z0-9.-]/.test(src[i] ?? '')) value += src[i++];
        if (value === '') fail(`Expected quote in declaration of an attribute of the tag "${name}"`, begin);
      }
      attrs.set(attr.toLowerCase(), decodeAll(value));
    }
    i++;
    if (name === 'span' && attrs.get('class') !== 'tg-spoiler') {
      fail('Tag "span" must have class "tg-spoiler"', begin);
    }
    stack.push({ name, offset: text.length, attrs });
  }
  const open = stack.at(-1);
  if (open) throw new EntityParseError(`Can't find end tag corresponding to start tag "${open.name}"`);
  return { text, entities: sortEntities(cleanCodeLanguage(entities)) };
}

function closeTag(open: OpenTag, end: number, entities: MessageEntity[], resolveUser?: UserResolver): void {
  const offset = open.offset;
  const length = end - offset;
  if (length <= 0) return;
  if (open.name === 'a') {
    const entity = linkEntity(open.attrs.get('href') ?? '', offset, length, resolveUser);
    if (entity) entities.push(entity);
    return;
  }
  if (open.name === 'blockquote') {
    entities.push({
      type: open.attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote',
      offset,
      length,
    });
    return;
  }
  if (open.name === 'tg-emoji') {
    const id = open.attrs.get('emoji-id');
    if (id) entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: id });
    return;
  }
  if (open.name === 'pre') {
    // <pre><code class="language-x"> becomes one pre entity carrying the language.
    const inner = entities.findIndex((e) => e.type === 'code' && e.offset === offset && e.length === length);
    let language = '';
    if (inner >= 0) {
      language = (entities[inner] as { language?: string }).language ?? '';
      entities.splice(inner, 1);
    }
    entities.push(language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length });
    return;
  }
  const type = SIMPLE_TAGS[open.name];
  if (!type) return;
  const language =
    open.name === 'code' ? /^language-(.+)$/.exec(open.attrs.get('class') ?? '')?.[1] : undefined;
  // The language is kept only transiently, for a surrounding <pre> to pick up.
  entities.push((language ? { type, offset, length, language } : { type, offset, length }) as MessageEntity);
}

/** Drops the transient `language` left on plain code entities. */
function cleanCodeLanguage(entities: MessageEntity[]): MessageEntity[] {
  return entities.map((e) => {
    if (e.type !== 'code' || !('language' in e)) return e;
    const { language: _language, ...rest } = e as MessageEntity & { language?: string };
    return rest as MessageEntity;
  });
}
