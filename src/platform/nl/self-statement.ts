import { E as END } from './text-spans.ts';

/** Starts with the speaker ("I'm…", "мне…", "я…"), optionally after "today"/"сегодня" or "so". */
const SPEAKER = new RegExp(
  `^(?:(?:today|сегодня|so|так|как-то|очень)[,\\s]+)?(?:i\\b|i'?m${END}|im${END}|me${END}|my\\s+(?:mood|head)${END}|feeling${END}|мне${END}|я${END}|меня${END}|чувствую${END})`,
  'iu',
);

const FEELING = new RegExp(
  `(?:feel\\p{L}*|felt|tired|exhausted|sad|lonely|anxious|stressed|worried|nervous|happy|glad|upset|angry|bored|sick|down|overwhelmed|scared|afraid|depressed|burn(?:ed|t)\\s*out|can'?t\\s+(?:sleep|focus|concentrate)|грустно|плохо|тоскливо|одиноко|тревожно|страшно|скучно|тяжело|весело|хорошо|устал\\p{L}*|выгорел\\p{L}*|грущу|волнуюсь|переживаю|нервничаю|боюсь|злюсь|счастлив\\p{L}*|рад|рада|чувствую|бесит|не\\s+могу\\s+(?:уснуть|заснуть|сосредоточиться))${END}`,
  'iu',
);

/** Words that make a line something to do or remember, whoever speaks. */
const ACTION = new RegExp(
  `(?:remind|reminder|need\\s+to|have\\s+to|must|should|going\\s+to|gonna|don'?t\\s+forget|todo|to\\s+do|напомн\\p{L}*|надо|нужно|не\\s+забыть|должен|должна|сделать|купить|позвонить|записаться|запиши)${END}`,
  'iu',
);

/**
 * A statement about how the speaker feels ("мне грустно, экзамены скоро", "I feel tired today"):
 * no task, reminder or note in it, so it belongs to the conversation, not to a card — a date in it
 * ("today") says when they feel so, not when something is due.
 */
export function isAboutOneself(text: string): boolean {
  const line = text.trim();
  return line.length <= 300 && SPEAKER.test(line) && FEELING.test(line) && !ACTION.test(line);
}
