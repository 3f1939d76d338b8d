import { stems, words } from '../../../platform/ai/text-tokens.ts';

/** A bag of features: stem → weight. */
export type Bag = Map<string, number>;

// Words any topic's notes use: when (days, months, "today") and the most generic verbs. In one
// person's few examples they would read as the topic's own words ("месяц", "buy", "day").
const NEUTRAL = new Set(
  stems(
    'today tomorrow tonight yesterday morning evening afternoon night day days week weekend month year ' +
      'hour hours minute minutes time times monday tuesday wednesday thursday friday saturday sunday ' +
      'january february march april may june july august september october november december next last ' +
      'every each first second new old good bad big small need want get go going keep make take put try ' +
      'start finish ask tell say look find give let thing things ' +
      'сегодня завтра послезавтра вчера утро утром вечер вечером днем ночью день дня дней неделя недели ' +
      'выходные месяц месяца год года час часа часов минута минут время раз понедельник вторник среда ' +
      'среду четверг пятница пятницу суббота субботу воскресенье январь февраль март апрель май июнь ' +
      'июль август сентябрь октябрь ноябрь декабрь следующий прошлый каждый каждую первый второй новый ' +
      'новая старый хороший плохой большой маленький нужно надо хочу хочется сделать взять попробовать ' +
      'начать закончить спросить сказать посмотреть найти дать вещь штука купить ' +
      // Counting, amounts and the most general verbs and adjectives, in both languages.
      'one two three four five six seven eight nine ten twenty hundred half couple few several many much ' +
      'less least left right still already soon later often always never ago since until while during ' +
      'feel feels felt think thought know knew seem seems done doing went came come see saw said use used ' +
      'able sure maybe probably really actually almost enough else also back away around way ways lot lots ' +
      'kind sort part place someone something anything everything nothing people person guy guys friend ' +
      'один одна одно два две три четыре пять шесть семь восемь девять десять двадцать сто половина пару ' +
      'несколько сколько столько лет летом весной осенью зимой мало немного скоро позже рано поздно часто ' +
      'иногда давно пока уже снова опять думаю знаю кажется сделал сделала пошел пришел видел сказал ' +
      'можно нужен нужна нужны должен должна вообще просто вроде кстати наверное точно совсем очень ' +
      'кто-то что-то кое-что человек люди друг друзья ребята место часть способ вариант варианты',
  ),
);

const LABEL = /^\s*([^:\n]{2,24}):\s/u;
const LABEL_WEIGHT = 1;

/** A topic's keywords of several words ("what if", "а что если"), as word sequences. */
export function phrasesOf(keywords: readonly string[]): string[][] {
  return keywords.map((k) => words(k)).filter((w) => w.length > 1);
}

/**
 * Stems of a text (Snowball ru/en, stopwords out) as a bag with sublinear counts, plus one feature
 * per phrase the text contains: a keyword like "what if" is made of stopwords, its stems say nothing.
 */
export function bagOf(text: string, phrases: readonly string[][] = []): Bag {
  const counts: Bag = new Map();
  for (const s of stems(text)) if (!NEUTRAL.has(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
  // A label the person put first ("Startup: …", "Зал: …") is what the note is about.
  const label = text.match(LABEL)?.[1];
  if (label)
    for (const s of stems(label)) if (!NEUTRAL.has(s)) counts.set(s, (counts.get(s) ?? 0) + LABEL_WEIGHT);
  if (phrases.length > 0) {
    const seq = words(text);
    for (const p of phrases)
      if (contains(seq, p)) counts.set(`"${p.join(' ')}"`, (counts.get(`"${p.join(' ')}"`) ?? 0) + 1);
  }
  for (const [s, c] of counts) counts.set(s, 1 + Math.log(c));
  return counts;
}

function contains(seq: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= seq.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

const GRAM = 3;

/** Character trigrams of a stem with word-boundary marks ("^ко", "кот", "от$"). */
export function gramsOf(stem: string): string[] {
  const padded = `^${stem}$`;
  const out: string[] = [];
  for (let i = 0; i + GRAM <= padded.length; i++) out.push(padded.slice(i, i + GRAM));
  return out;
}

// A stem this close to a known one (share of shared trigrams) is read as that stem: a typo
// ("тренеровка"), a form the stemmer left apart ("pills"/"pill" is fine, "спортзальчик" is not).
const MIN_SIMILARITY = 0.5;
const MIN_LENGTH = 6;
const CONTAINED = 0.75;
const CONTAINED_WEIGHT = 0.8;

/**
 * Finds, for words no topic knows, the closest known stem by character trigrams. Known stems
 * pass through unchanged; far-off words are dropped (they say nothing about any topic).
 */
export function createVocabulary(known: Iterable<string>) {
  const byGram = new Map<string, string[]>();
  const grams = new Map<string, Set<string>>();
  const vocabulary = new Set(known);
  for (const stem of vocabulary) {
    if (stem.length < MIN_LENGTH - 1) continue;
    const own = new Set(gramsOf(stem));
    grams.set(stem, own);
    for (const g of own) {
      const list = byGram.get(g);
      if (list) list.push(stem);
      else byGram.set(g, [stem]);
    }
  }

  function nearest(stem: string): { stem: string; similarity: number } | null {
    if (stem.length < MIN_LENGTH) return null;
    const own = new Set(gramsOf(stem));
    const shared = new Map<string, number>();
    for (const g of own) for (const s of byGram.get(g) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    let best: { stem: string; similarity: number } | null = null;
    for (const [s, n] of shared) {
      const size = grams.get(s)?.size ?? 0;
      // A compound that holds a known stem whole ("авиабилет", "спортзальчик") counts as it, a little less.
      const held = s.length >= MIN_LENGTH - 1 && n / size >= CONTAINED ? (n / size) * CONTAINED_WEIGHT : 0;
      const similarity = Math.max(n / (own.size + size - n), held);
      if (similarity >= MIN_SIMILARITY && (!best || similarity > best.similarity))
        best = { stem: s, similarity };
    }
    return best;
  }

  return {
    has: (stem: string) => vocabulary.has(stem),
    /** The bag mapped onto the vocabulary: unknown stems become their nearest known stem, weighted by similarity. */
    project(bag: Bag): Bag {
      const out: Bag = new Map();
      for (const [stem, weight] of bag) {
        if (vocabulary.has(stem)) {
          out.set(stem, (out.get(stem) ?? 0) + weight);
          continue;
        }
        const near = nearest(stem);
        if (near) out.set(near.stem, (out.get(near.stem) ?? 0) + weight * near.similarity);
      }
      return out;
    },
  };
}
