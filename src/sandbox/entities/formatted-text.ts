import type { MessageEntity } from '@grammyjs/types';
import { detectEntities } from './detect-entities.ts';
import { type FormattedText, sortEntities, type UserResolver } from './entity-parse-error.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parseMarkdownV2 } from './markdown-v2.ts';

export { EntityParseError } from './entity-parse-error.ts';

export class UnsupportedParseModeError extends Error {}

/** Parses `text` with a Bot API parse_mode (case-insensitive) or returns it unchanged. */
export function parseWithMode(
  text: string,
  parseMode: string | undefined,
  resolveUser?: UserResolver,
): FormattedText {
  const mode = (parseMode ?? '').toLowerCase();
  if (mode === '') return { text, entities: [] };
  if (mode === 'html') return parseHtml(text, resolveUser);
  if (mode === 'markdownv2') return parseMarkdownV2(text, resolveUser);
  if (mode === 'markdown') return parseMarkdown(text, resolveUser);
  throw new UnsupportedParseModeError(parseMode);
}

/** Strips leading/trailing whitespace like Telegram, shifting and clipping entities. */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = start + trimmed.length;
  const shifted = entities.flatMap((e) => {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    return to > from ? [{ ...e, offset: from - start, length: to - from }] : [];
  });
  return { text: trimmed, entities: shifted };
}

/** Full Telegram pipeline for message text or captions: parse, trim, auto-detect. */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicit: MessageEntity[] | undefined,
  resolveUser?: UserResolver,
): FormattedText {
  const parsed = explicit ? { text: raw, entities: explicit } : parseWithMode(raw, parseMode, resolveUser);
  const trimmed = trimFormatted(parsed);
  const all = [...trimmed.entities, ...detectEntities(trimmed.text, trimmed.entities)];
  return { text: trimmed.text, entities: sortEntities(all) };
}
