import type { ParsedText, ParseOptions } from '../../../platform/nl/parsed-text.ts';

/** A typed deadline ("tomorrow 18:00", "в пятницу") read in the user's timezone; null if none or past. */
export type ParseDeadline = (
  text: string,
  user: { timezone: string; language: string },
  now: Date,
) => Date | null;

export function createParseDeadline(
  parseText: (text: string, options: ParseOptions) => ParsedText,
): ParseDeadline {
  return (text, user, now) => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const language = user.language === 'ru' || user.language === 'en' ? user.language : undefined;
    const parsed = parseText(trimmed, { timezone: user.timezone, now, ...(language ? { language } : {}) });
    if (!parsed.dueAt || parsed.dueAt.getTime() <= now.getTime()) return null;
    return parsed.dueAt;
  };
}
