import type { MessageEntity } from '@grammyjs/types';
import {
  byteOffset,
  EntityParseError,
  type FormattedText,
  linkEntity,
  sortEntities,
  type UserResolver,
} from './entity-parse-error.ts';

/** TDLib's internal entity names, which Telegram puts into "Can't find end of X entity" errors. */
type Kind =
  | 'Bold'
  | 'Italic'
  | 'Underline'
  | 'Strikethrough'
  | 'Spoiler'
  | 'Code'
  | 'Pre'
  | 'PreCode'
  | 'TextUrl'
  | 'CustomEmoji'
  | 'BlockQuote'
  | 'ExpandableBlockQuote';

interface Open {
  kind: Kind;
  offset: number;
  at: number;
  argument: string;
}

const RESERVED = '_*[]()~`>#+-=|{}.!';
const reservedError = (ch: string): EntityParseError =>
  new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);

function isEnd(kind: Kind, src: string, i: number): boolean {
  const c = src[i];
  switch (kind) {
    case 'Bold':
      return c === '*';
    case 'Italic':
      return c === '_' && src[i + 1] !== '_';
    case 'Underline':
      return c === '_' && src[i + 1] === '_';
    case 'Strikethrough':
      return c === '~';
    case 'Spoiler':
      return c === '|' && src[i + 1] === '|';
    case 'Code':
      return c === '`';
    case 'Pre':
    case 'PreCode':
      return src.startsWith('```', i);
    case 'TextUrl':
    case 'CustomEmoji':
      return c === ']';
    default:
      return false;
  }
}

const SIMPLE: Partial<Record<Kind, MessageEntity['type']>> = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strikethrough: 'strikethrough',
  Spoiler: 'spoiler',
  Code: 'code',
};

/** Parses Telegram's MarkdownV2, with its errors for unescaped reserved characters. */
export function parseMarkdownV2(src: string, resolveUser?: UserResolver): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  const top = (): Open | undefined => stack.at(-1);
  const inCode = (): boolean => ['Code', 'Pre', 'PreCode'].includes(top()?.kind ?? '');
  const quote = (): Open | undefined => stack.find((o) => o.kind.endsWith('BlockQuote'));
  const closeQuote = (end: number): void => {
    const open = top();
    if (!open?.kind.endsWith('BlockQuote')) {
      const inner = open ?? stack[0];
      throw new EntityParseError(`Can't find end of ${inner?.kind} entity at byte offset ${inner?.at}`);
    }
    stack.pop();
    const type = open.kind === 'BlockQuote' ? 'blockquote' : 'expandable_blockquote';
    if (end > open.offset) entities.push({ type, offset: open.offset, length: end - open.offset });
  };

  for (let i = 0; i < src.length; i++) {
    const lineStart = i === 0 || src[i - 1] === '\n';
    if (lineStart && !inCode()) {
      const expandable = src.startsWith('**>', i);
      if (src[i] === '>' || expandable) {
        if (!quote()) {
          const kind = expandable ? 'ExpandableBlockQuote' : 'BlockQuote';
          stack.push({ kind, offset: text.length, at: byteOffset(src, i), argument: '' });
        }
        i += expandable ? 2 : 0;
        continue;
      }
      if (quote() && i > 0) closeQuote(text.length - 1);
    }
    const c = src[i] as string;
    const next = src.charCodeAt(i + 1);
    if (c === '\\' && next > 0 && next <= 126) {
      text += src[++i];
      continue;
    }
    const reserved = inCode() ? '`' : RESERVED;
    if (!reserved.includes(c)) {
      text += c;
      continue;
    }
    const open = top();
    if (
      open?.kind === 'ExpandableBlockQuote' &&
      c === '|' &&
      src[i + 1] === '|' &&
      /^(\n|$)/.test(src.slice(i + 2, i + 3))
    ) {
      closeQuote(text.length);
      i++;
      continue;
    }
    if (open && isEnd(open.kind, src, i)) {
      i = closeEntity(open, src, i, text, entities, resolveUser);
      stack.pop();
      continue;
    }
    const at = byteOffset(src, i);
    let kind: Kind;
    let argument = '';
    switch (c) {
      case '_':
        kind = src[i + 1] === '_' ? 'Underline' : 'Italic';
        if (kind === 'Underline') i++;
        break;
      case '*':
        kind = 'Bold';
        break;
      case '~':
        kind = 'Strikethrough';
        break;
      case '|':
        if (src[i + 1] !== '|') throw reservedError(c);
        kind = 'Spoiler';
        i++;
        break;
      case '[':
        kind = 'TextUrl';
        break;
      case '!':
        if (src[i + 1] !== '[') throw reservedError(c);
        kind = 'CustomEmoji';
        i++;
        break;
      case '`':
        if (!src.startsWith('```', i)) {
          kind = 'Code';
          break;
        }
        i += 3;
        kind = 'Pre';
        {
          let end = i;
          while (end < src.length && !/\s/.test(src[end] ?? '') && src[end] !== '`') end++;
          if (end !== i && end < src.length && src[end] !== '`') {
            kind = 'PreCode';
            argument = src.slice(i, end);
            i = end;
          }
        }
        if (src[i] === '\n' || src[i] === '\r')
          i += src.startsWith('\r\n', i) || src.startsWith('\n\r', i) ? 2 : 1;
        i--;
        break;
      default:
        throw reservedError(c);
    }
    stack.push({ kind, offset: text.length, at, argument });
  }
  if (top()?.kind.endsWith('BlockQuote')) closeQuote(text.length);
  const open = top();
  if (open) throw new EntityParseError(`Can't find end of ${open.kind} entity at byte offset ${open.at}`);
  return { text, entities: sortEntities(entities) };
}

/** Emits the entity for `open` ending at `i`; returns the index of the last consumed character. */
function closeEntity(
  open: Open,
  src: string,
  i: number,
  text: string,
  entities: MessageEntity[],
  resolveUser?: UserResolver,
): number {
  const offset = open.offset;
  const length = text.length - offset;
  let end = i;
  const simple = SIMPLE[open.kind];
  if (open.kind === 'Underline' || open.kind === 'Spoiler') end = i + 1;
  if (open.kind === 'Pre' || open.kind === 'PreCode') end = i + 2;
  let entity: MessageEntity | undefined;
  if (simple) entity = { type: simple, offset, length } as MessageEntity;
  else if (open.kind === 'Pre') entity = { type: 'pre', offset, length };
  else if (open.kind === 'PreCode') entity = { type: 'pre', offset, length, language: open.argument };
  else {
    let url = '';
    if (src[i + 1] !== '(') url = text.slice(offset);
    else {
      end = i + 2;
      const urlStart = end;
      while (end < src.length && src[end] !== ')') {
        const code = src.charCodeAt(end + 1);
        if (src[end] === '\\' && code > 0 && code <= 126) {
          url += src[end + 1];
          end += 2;
        } else url += src[end++];
      }
      if (src[end] !== ')')
        throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(src, urlStart)}`);
    }
    if (open.kind === 'CustomEmoji') {
      const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
      if (!id) throw new EntityParseError(`Custom emoji URL must have an emoji identifier`);
      entity = { type: 'custom_emoji', offset, length, custom_emoji_id: id };
    } else entity = linkEntity(url, offset, length, resolveUser);
  }
  if (entity && length > 0) entities.push(entity);
  return end;
}
