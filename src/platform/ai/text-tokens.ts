import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';

// Function words carry no topic; the lists are short on purpose (domain words like "буду" stay).
const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been am do does did not no ' +
    'it its this that these those i me my we our you your he she they them his her their there here what which ' +
    'who whom when where why how all any some so than too very can will just about into over after before up ' +
    'down out off again then once more most other such only own same should would could have has had get got ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот ' +
    'от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь ' +
    'опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам ' +
    'чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь ' +
    'этом один почти мой тем чтобы нее неё сейчас были куда зачем всех никогда можно при наконец два об другой ' +
    'хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою ' +
    'этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const CYRILLIC = /[а-я]/;

/** Lower-cased words of a text, ё folded to е, hashtags without '#'. */
export function words(text: string): string[] {
  return (text.toLowerCase().replaceAll('ё', 'е').match(WORD) ?? []).map((w) => w.replaceAll('’', "'"));
}

/** The stem of one lower-cased word, by its script: Cyrillic → Russian Snowball, else English. */
export function stem(word: string): string {
  if (CYRILLIC.test(word)) return word.length > 3 ? stemRussian(word) : word;
  return word.length > 3 ? stemEnglish(word) : word;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Content-bearing stems of a text (stopwords, single characters and bare numbers dropped). */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Majority script of the letters, for choosing a reply language; ties go to English. */
export function detectLanguage(text: string): 'ru' | 'en' {
  const cyr = (text.match(/[а-яё]/gi) ?? []).length;
  const lat = (text.match(/[a-z]/gi) ?? []).length;
  return cyr > lat ? 'ru' : 'en';
}
