import { isAboutOneself, isoInZone, isTimezone, type ParsedText, parseText } from '../nl/index.ts';
import type { Intent, Language, Understanding } from './ai-schemas.ts';
import { detectLanguage } from './text-tokens.ts';
import { guessCategory } from './topic-lexicon.ts';

export interface UnderstandRequest {
  text: string;
  timezone: string;
  now: Date;
  language?: Language | undefined;
}

// JavaScript's \b only knows ASCII word characters, so Cyrillic words end with this lookahead instead.
const END = '(?![\\p{L}\\p{N}])';
const REMINDER = /\b(remind(?:\s+me)?|reminder|don'?t\s+forget)\b|напомн\p{L}*|не\s+забыть|не\s+забудь/iu;
const BOOKING = new RegExp(
  `\\b(book|make|schedule)\\s+(an?\\s+)?appointment\\b|\\bappointment\\s+with\\b|записаться\\s+(к|на)${END}|запиши(те)?\\s+меня|запись\\s+(к|на)${END}`,
  'iu',
);
const NOTE = /^(note|idea|quote|заметка|идея|мысль|цитата)\s*[:—-]|^https?:\/\/\S+$|^«|^"/iu;
const CHAT = new RegExp(
  `^(hi|hello|hey|thanks|thank you|how are you|what do you think|привет|здравствуй\\p{L}*|спасибо|как дела|что думаешь)${END}`,
  'iu',
);
const TASK_VERB = new RegExp(
  `^(to\\s?do|todo|need to|have to|must|buy|call|send|pay|finish|submit|write|fix|prepare|book|order|clean|check|надо|нужно|сделать|купить|позвонить|отправить|написать|оплатить|закончить|сдать|подготовить|починить|заказать|убрать|проверить)${END}`,
  'iu',
);

/**
 * Rules without a model. Dates, repetition, priority, #tags and the title come from the shared
 * free-text parser (`platform/nl`), so the bot, the inbox and the API read a line the same way;
 * this adds the intents the parser does not know (note, booking, chat).
 */
export function understandOffline(req: UnderstandRequest): Understanding {
  const text = req.text.trim();
  const language = req.language ?? detectLanguage(text);
  // An unknown zone must not break the inbox; the dates are then read in UTC.
  const timezone = isTimezone(req.timezone) ? req.timezone : 'UTC';
  const parsed = parseText(text, { timezone, now: req.now, language });
  const intent = pickIntent(text, parsed);
  const timed = intent.intent === 'task' || intent.intent === 'reminder' || intent.intent === 'booking';
  return {
    intent: intent.intent,
    title: parsed.title.length > 80 ? `${parsed.title.slice(0, 79).replace(/\s+\S*$/, '')}…` : parsed.title,
    dueAt: parsed.dueAt ? isoInZone(parsed.dueAt, timezone) : null,
    allDay: parsed.allDay,
    rrule: parsed.rrule,
    // The model-facing schema has no "urgent": it folds into high.
    priority: timed ? (parsed.priority === 'urgent' ? 'high' : parsed.priority) : null,
    category: parsed.category ?? guessCategory(text),
    confidence: intent.confidence,
    language,
  };
}

function pickIntent(text: string, parsed: ParsedText): { intent: Intent; confidence: number } {
  const hasDate = parsed.dueAt !== null;
  if (REMINDER.test(text)) return { intent: 'reminder', confidence: hasDate ? 0.9 : 0.7 };
  if (BOOKING.test(text)) return { intent: 'booking', confidence: 0.8 };
  if (NOTE.test(text)) return { intent: 'note', confidence: 0.8 };
  if (isAboutOneself(text)) return { intent: 'chat', confidence: 0.6 };
  if (CHAT.test(text) || (/\?\s*$/.test(text) && !hasDate)) return { intent: 'chat', confidence: 0.6 };
  if (parsed.intent === 'reminder') return { intent: 'reminder', confidence: 0.8 };
  if (parsed.intent === 'task')
    return { intent: 'task', confidence: hasDate && TASK_VERB.test(text) ? 0.85 : hasDate ? 0.65 : 0.6 };
  if (TASK_VERB.test(text)) return { intent: 'task', confidence: 0.6 };
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return wordCount >= 3 ? { intent: 'note', confidence: 0.5 } : { intent: 'chat', confidence: 0.4 };
}
