/** Telegram's limit for one message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits a long reply into messages at paragraph boundaries (blank lines); a paragraph longer than
 * the limit is split at line ends, then at sentence ends, and only as a last resort mid-text.
 */
export function splitReply(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    for (const piece of piecesOf(paragraph, limit)) {
      const joined = current ? `${current}\n\n${piece}` : piece;
      if (joined.length <= limit) current = joined;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts;
}

/** Pieces of one paragraph, each within the limit. */
function piecesOf(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  for (const separator of [/(?<=\n)/, /(?<=[.!?…])\s+/]) {
    const units = paragraph.split(separator);
    if (units.length > 1 && units.every((u) => u.length <= limit)) return pack(units, limit);
  }
  const chunks: string[] = [];
  for (let i = 0; i < paragraph.length; i += limit) chunks.push(paragraph.slice(i, i + limit));
  return chunks;
}

function pack(units: string[], limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const unit of units) {
    const joined = current ? `${current}${current.endsWith('\n') ? '' : ' '}${unit}` : unit;
    if (joined.length <= limit) current = joined;
    else {
      out.push(current.trimEnd());
      current = unit;
    }
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}
