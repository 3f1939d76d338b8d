import type { Span } from './text-spans.ts';

// Words left hanging once the date next to them is cut ("сдать до", "call mom at").
const DANGLING =
  /(?:^|\s)(?:в|во|к|ко|до|на|с|со|и|а|около|at|on|by|in|to|and|before|until|till|from|starting|due|this|every|каждый|каждую|каждое|каждые)$/iu;
const DANGLING_START = /^(?:и|а|and|then|потом|затем|,)\s+/iu;
const LEAD_IN_TAIL = /^(?:to|that|about|чтобы|что|о|об|про)\s+/iu;
const MAX = 120;

/** The line without what was understood, tidied into something that reads as a title. */
export function makeTitle(
  text: string,
  spans: readonly Span[],
  options: { afterLeadIn?: boolean; allowEmpty?: boolean } = {},
): string {
  const firstLine = text.split('\n')[0] ?? '';
  let out = '';
  let cursor = 0;
  const sorted = [...spans].filter((s) => s.start < firstLine.length).sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    if (s.start > cursor) out += tidyPiece(firstLine.slice(cursor, s.start));
    out += ' ';
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < firstLine.length) out += firstLine.slice(cursor);
  let title = out
    .replace(/\s+([,.;:!?])/gu, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/gu, '$1')
    .replace(/\s{2,}/gu, ' ')
    .replace(/^[\s,.:;—–\-!]+|[\s,.:;—–-]+$/gu, '')
    .replace(DANGLING_START, '');
  // "remind me tomorrow to call mom": with the date cut, "to" is left at the start.
  if (options.afterLeadIn) title = title.replace(LEAD_IN_TAIL, '');
  title = title.replace(/[\s,.:;—–-]+$/u, '');
  if (title.length > MAX) title = `${title.slice(0, MAX - 1).replace(/\s+\S*$/u, '')}…`;
  // Nothing of the line's own is left ("next tue 10am p1"): the caller may ask for a title.
  if (!/\p{L}|\p{N}/u.test(title)) {
    if (options.allowEmpty) return '';
    title = text.trim().slice(0, MAX) || text;
  }
  return (title[0]?.toUpperCase() ?? '') + title.slice(1);
}

/** Drops a preposition or "и" that only made sense with the cut-out part right after it. */
function tidyPiece(piece: string): string {
  let p = piece;
  for (let i = 0; i < 3; i++) {
    const trimmedEnd = p.replace(/\s+$/u, '');
    const next = trimmedEnd.replace(DANGLING, '');
    if (next === trimmedEnd) break;
    p = `${next} `;
  }
  return p;
}
