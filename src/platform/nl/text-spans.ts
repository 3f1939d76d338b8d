/** A piece of the input that an extractor understood; it is cut out of the title. */
export interface Span {
  start: number;
  end: number;
}

// JavaScript's \b only knows ASCII; these work for Cyrillic words too.
export const B = '(?<![\\p{L}\\p{N}_])';
export const E = '(?![\\p{L}\\p{N}_])';

/** Prepositions that hang in front of a date or time ("до пятницы", "by Friday", "at 5pm"). */
const LEADING_PREPOSITION =
  /(?:^|\s)(?:до|к|ко|на|в|во|с|со|около|не позже|не позднее|by|on|at|before|until|till|due|from|starting|this|for|in)\s*$/iu;

/** A regex over the text that remembers where each match is. */
export function findFirst(text: string, pattern: RegExp): (RegExpExecArray & Span) | null {
  const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const m = re.exec(text);
  if (!m) return null;
  return Object.assign(m, { start: m.index, end: m.index + m[0].length });
}

/** Replaces the spans with spaces of the same length, so later extractors can't see them again. */
export function mask(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** Grows a span over a dangling preposition right before it ("до" in "до пятницы"). */
export function withPreposition(text: string, span: Span): Span {
  const before = text.slice(0, span.start);
  const m = LEADING_PREPOSITION.exec(before);
  if (!m) return span;
  const word = m[0].replace(/^\s/, '');
  return { start: span.start - word.length, end: span.end };
}

/** A span trimmed of surrounding whitespace, so masks don't eat the spaces between words. */
export function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  other: 2,
  couple: 2,
  один: 1,
  одну: 1,
  одна: 1,
  два: 2,
  две: 2,
  пару: 2,
  пара: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  пятнадцать: 15,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  второй: 2,
  второе: 2,
  вторую: 2,
  третий: 3,
  третье: 3,
};

export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join('|');

/** "3", "three", "три", "пару" → a number; undefined for anything else. */
export function readNumber(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}
