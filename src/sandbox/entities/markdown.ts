import type { MessageEntity } from '@grammyjs/types';
import {
  byteOffset,
  EntityParseError,
  type FormattedText,
  linkEntity,
  sortEntities,
  type UserResolver,
} from './entity-parse-error.ts';

/** Parses legacy `Markdown` parse mode (no nesting; `\` escapes only _ * ` [). */
export function parseMarkdown(src: string, resolveUser?: UserResolver): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? '\0')) {
      text += src[++i];
      continue;
    }
    if (!'_*`['.includes(c)) {
      text += c;
      continue;
    }
    const begin = i;
    const endChar = c === '[' ? ']' : c;
    let isPre = false;
    let language = '';
    i++;
    if (c === '`' && src.startsWith('``', i)) {
      i += 2;
      isPre = true;
      let end = i;
      while (end < src.length && !/\s/.test(src[end] ?? '') && src[end] !== '`') end++;
      if (end !== i && end < src.length && src[end] !== '`') {
        language = src.slice(i, end);
        i = end;
      }
      if (src[i] === '\n' || src[i] === '\r')
        i += src.startsWith('\r\n', i) || src.startsWith('\n\r', i) ? 2 : 1;
    }
    const offset = text.length;
    while (i < src.length && (src[i] !== endChar || (isPre && !src.startsWith('```', i)))) text += src[i++];
    if (i >= src.length) {
      throw new EntityParseError(
        `Can't find end of the entity starting at byte offset ${byteOffset(src, begin)}`,
      );
    }
    const length = text.length - offset;
    let entity: MessageEntity | undefined;
    if (c === '_') entity = { type: 'italic', offset, length };
    else if (c === '*') entity = { type: 'bold', offset, length };
    else if (c === '`' && !isPre) entity = { type: 'code', offset, length };
    else if (c === '`')
      entity = language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length };
    else if (src[i + 1] === '(') {
      let url = '';
      i += 2;
      while (i < src.length && src[i] !== ')') url += src[i++];
      entity = linkEntity(url, offset, length, resolveUser);
    }
    if (isPre) i += 2;
    if (entity && length > 0) entities.push(entity);
  }
  return { text, entities: sortEntities(entities) };
}
