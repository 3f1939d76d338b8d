import { E as END } from './text-spans.ts';

const ACK_WORDS = new RegExp(
  `^(?:thank\\s+you|ok(?:ay)?|k|thanks?|thx|ty|cool|great|nice|fine|good|got\\s+it|sure|yes|yep|alright|all\\s+right|ок(?:ей)?|окей|спасибо|спс|понятно|понял|поняла|ясно|хорошо|ладно|отлично|супер|класс|да|угу|ага)${END}`,
  'iu',
);
/** Only emoji, marks and spaces: "👍", "🙏🙂", "!!". */
const NO_WORDS = /^[^\p{L}\p{N}]+$/u;

/**
 * A short acknowledgment ("👍", "ok, thanks", "спасибо!"): it asks for nothing, so the answer to it
 * is brief — never the whole offline paragraph again.
 */
export function isAcknowledgment(text: string): boolean {
  const line = text.trim();
  if (!line || line.length > 40) return false;
  if (NO_WORDS.test(line)) return true;
  const words = line
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .toLowerCase();
  if (!words) return true;
  // Every part is an acknowledgment: "ok thanks", "ок, спасибо", "thank you and got it".
  let rest = words;
  while (rest) {
    const match = ACK_WORDS.exec(rest);
    if (!match) return false;
    rest = rest.slice(match[0].length).replace(/^\s*(?:(?:and|и)\s+)?/u, '');
  }
  return true;
}
