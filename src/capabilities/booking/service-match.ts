// Which service (and specialist) a typed request names: "запиши меня на стрижку" → "Стрижка",
// "book a haircut with Sam" → "Haircut" and Sam. Words are compared by their common beginning,
// which is how Russian and English endings vary ("стрижку"/"стрижка", "haircuts"/"haircut").

const words = (text: string) =>
  (
    text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length >= 3);

function prefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Same word up to its ending: the shared beginning covers all but the last few letters. */
function sameWord(a: string, b: string, shortest: number): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  return Math.min(a.length, b.length) >= shortest && prefix(a, b) >= Math.max(shortest, longer - 3);
}

/** The share of a name's words the text says (0–1). */
function score(textWords: string[], name: string, shortest: number): number {
  const nameWords = words(name);
  if (nameWords.length === 0) return 0;
  const said = nameWords.filter((n) => textWords.some((w) => sameWord(w, n, shortest)));
  return said.length / nameWords.length;
}

/** The item whose name the text says best (at least half its words), or null. */
export function bestMatch<T extends { name: string }>(
  text: string,
  items: readonly T[],
  shortest = 4,
): T | null {
  const textWords = words(text);
  let best: { item: T; score: number } | null = null;
  for (const item of items) {
    const s = score(textWords, item.name, shortest);
    if (s >= 0.5 && (!best || s > best.score)) best = { item, score: s };
  }
  return best?.item ?? null;
}

/** The specialist a text names ("with Sam", "к Анне"): names are short, so three letters decide. */
export const namedSpecialist = <T extends { name: string }>(text: string, specialists: readonly T[]) =>
  bestMatch(text, specialists, 3);

// "after 5pm", "from 17:30", "после 17", "с 10" — the earliest time wanted that day.
const AFTER =
  /(?:^|[\s,])(?:after|from|после|с|от)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\p{L}\p{N}])/iu;

/** The hour and minute of "after 5pm" / "после 17", or null when the text says no such bound. */
export function afterTime(text: string): { hour: number; minute: number } | null {
  const m = AFTER.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase().replaceAll('.', '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  // "after 5" at a salon means the evening: nobody books a haircut at five in the morning.
  if (!half && hour >= 1 && hour <= 7) hour += 12;
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

// "запиши меня", "записаться", "book me", "an appointment": a request to book, whatever the service.
const ASKS_TO_BOOK =
  /(?:^|[^\p{L}])(?:запиши(?:те)?\s+меня|записаться|записать(?:ся)?|запись\s+(?:к|на)|book\s+me|make\s+an?\s+appointment|appointment|booking)(?![\p{L}])/iu;
// "book a haircut": maybe a booking, maybe a to-do ("book flights") — a booking only when a service matches.
const MAYBE_BOOK = /^(?:please\s+)?(?:book|reserve)(?![\p{L}])/iu;

/** "asks": plainly a booking request; "maybe": "book …" that is one only when a service matches. */
export function bookingAsk(text: string): 'asks' | 'maybe' | null {
  if (ASKS_TO_BOOK.test(text)) return 'asks';
  return MAYBE_BOOK.test(text.trim()) ? 'maybe' : null;
}
