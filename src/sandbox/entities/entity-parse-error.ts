import type { MessageEntity } from '@grammyjs/types';

/** A markup error; the Bot API layer prefixes "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityParseError';
  }
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** UTF-8 byte offset of a UTF-16 index — Telegram reports markup errors in bytes. */
export function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** Resolves `tg://user?id=` links to users for text_mention entities. */
export type UserResolver = (id: number) => { id: number; is_bot: boolean; first_name: string } | undefined;

/** Builds a text_link / text_mention entity, or nothing for an unusable URL (as Telegram does). */
export function linkEntity(
  rawUrl: string,
  offset: number,
  length: number,
  resolveUser: UserResolver | undefined,
): MessageEntity | undefined {
  const url = rawUrl.trim();
  const mention = /^tg:\/\/user\?id=(\d+)$/i.exec(url);
  if (mention) {
    const id = Number(mention[1]);
    const user = resolveUser?.(id) ?? { id, is_bot: false, first_name: '' };
    return { type: 'text_mention', offset, length, user };
  }
  if (url === '' || /\s/.test(url)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  try {
    const parsed = new URL(withScheme);
    const normalized =
      /^https?:$/.test(parsed.protocol) && !/[?#]|\/.+/.test(url.replace(/^[a-z]+:\/\//i, ''))
        ? parsed.href
        : withScheme;
    return { type: 'text_link', offset, length, url: normalized };
  } catch {
    return undefined;
  }
}

/** Telegram's order: by offset, longer first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
