import type { MessageEntity } from '@grammyjs/types';

const PATTERNS: Array<{ type: MessageEntity['type']; re: RegExp }> = [
  { type: 'url', re: /\bhttps?:\/\/[^\s<>"']+/giu },
  { type: 'email', re: /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w@])/giu },
  { type: 'bot_command', re: /(?<![\w/@])\/[a-z0-9_]{1,64}(?:@[a-z0-9_]{3,32})?(?![\w/@])/giu },
  { type: 'mention', re: /(?<![\w@./])@[a-z0-9_]{4,32}(?!\w)/giu },
  { type: 'hashtag', re: /(?<![\w#])#[\p{L}_][\p{L}\p{N}_]*/gu },
  { type: 'cashtag', re: /(?<![\w$])\$[A-Z]{1,8}(?![\w])/gu },
];

/** Types whose text Telegram never scans for links, commands or mentions. */
const OPAQUE = new Set(['code', 'pre', 'text_link', 'text_mention', 'custom_emoji', 'url', 'email']);

/** Adds Telegram's automatically detected entities (commands, mentions, hashtags, URLs, emails). */
export function detectEntities(text: string, existing: MessageEntity[]): MessageEntity[] {
  const found: MessageEntity[] = [];
  const taken = existing.filter((e) => OPAQUE.has(e.type));
  for (const { type, re } of PATTERNS) {
    for (const match of text.matchAll(re)) {
      let value = match[0];
      if (type === 'url') value = value.replace(/[.,!?;:)\]]+$/u, '');
      const offset = match.index;
      const length = value.length;
      const overlaps = [...taken, ...found].some(
        (e) => offset < e.offset + e.length && e.offset < offset + length,
      );
      if (!overlaps) found.push({ type, offset, length } as MessageEntity);
    }
  }
  return found;
}
