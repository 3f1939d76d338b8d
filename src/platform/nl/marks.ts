import type { ParsedText } from './parsed-text.ts';
import { B, E, findFirst, type Span } from './text-spans.ts';

type Priority = ParsedText['priority'];

// Marks are cut from the title; words like "важно" inside a sentence only raise the priority.
const MARKS: Array<[RegExp, Priority]> = [
  [/(?<!\S)!(?:urgent|срочно|срочный|p1|1)(?!\S)/iu, 'urgent'],
  [/(?<!\S)!(?:high|важно|важный|высокий|p2|2)(?!\S)/iu, 'high'],
  [/(?<!\S)!(?:normal|medium|обычный|средний|p3|3)(?!\S)/iu, 'normal'],
  [/(?<!\S)!(?:low|низкий|p4|4)(?!\S)/iu, 'low'],
  // Todoist's shorthands: p1 is the most important, p4 the least.
  [/(?<![\S])p1(?!\S)/iu, 'urgent'],
  [/(?<![\S])p2(?!\S)/iu, 'high'],
  [/(?<![\S])p3(?!\S)/iu, 'normal'],
  [/(?<![\S])p4(?!\S)/iu, 'low'],
  [/(?<!\S)!{2,}(?!\S)/u, 'urgent'],
  [/(?<!\S)!(?!\S)/u, 'high'],
  [
    new RegExp(
      `${B}(?:не\\s+срочно|не\\s+к\\s+спеху|когда-нибудь|как-нибудь|someday|no\\s+rush|low\\s+priority)${E}`,
      'iu',
    ),
    'low',
  ],
  [new RegExp(`${B}(?:очень\\s+)?(?:срочно|urgent(?:ly)?|asap|immediately)${E}`, 'iu'), 'urgent'],
  [new RegExp(`${B}(?:high\\s+priority|важно|important)${E}\\s*:?`, 'iu'), 'high'],
];
const KEEP_IN_TITLE = /^(важно|important)/iu;

export interface PriorityHit {
  priority: Priority;
  spans: Span[];
}

/** Priority from "!", "!!", "!high", "!срочно" or words like "срочно"/"asap"; default normal. */
export function findPriority(text: string): PriorityHit {
  let priority: Priority | null = null;
  const spans: Span[] = [];
  for (const [re, level] of MARKS) {
    const m = findFirst(text, re);
    if (!m) continue;
    priority ??= level;
    // "важно" mid-sentence is content ("важно не опоздать"); as a leading "Важно:" it is a mark.
    const keep = KEEP_IN_TITLE.test(m[0]) && !/:\s*$/.test(m[0]) && m.start > 0;
    if (!keep) spans.push(m);
  }
  return { priority: priority ?? 'normal', spans };
}

export interface CategoryHit {
  category: string | null;
  spans: Span[];
}

/** The first #tag is the category; every #tag is cut from the title. */
export function findCategory(text: string): CategoryHit {
  const spans: Span[] = [];
  let category: string | null = null;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}&])#([\p{L}\p{N}_-]+)/gu)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    category ??= (m[1] ?? '').toLowerCase();
  }
  return { category, spans };
}

// Study work a course is named after ("эссе по истории", "homework for Calculus").
const RU_WORK =
  'эссе|доклад\\p{L}*|реферат\\p{L}*|курсов\\p{L}*|домашк\\p{L}*|дз|домашнее\\s+задание|задани\\p{L}*|лаб\\p{L}*|контрольн\\p{L}*|экзамен\\p{L}*|зач[её]т\\p{L}*|тест\\p{L}*|семинар\\p{L}*|лекци\\p{L}*|презентаци\\p{L}*|проект\\p{L}*|задач\\p{L}*|конспект\\p{L}*|коллоквиум\\p{L}*|практик\\p{L}*|сочинени\\p{L}*|параграф\\p{L}*|билет\\p{L}*|упражнени\\p{L}*|пар[аыу]|урок\\p{L}*|олимпиад\\p{L}*|кр|вопрос\\p{L}*';
const EN_WORK =
  'essay|homework|assignment|paper|lab|project|quiz|exam|midterm|final|test|problem\\s+set|pset|reading|presentation|report|lecture|seminar|notes|worksheet';

/** Dative endings after "по" back to the dictionary form: "истории" → "история". */
const RU_ENDINGS: Array<[RegExp, string]> = [
  [/ии$/u, 'ия'],
  [/ию$/u, 'ие'],
  [/ке$/u, 'ка'],
  [/([бвгджзклмнпрстфхцчшщ])е$/u, '$1а'],
  [/ому$/u, 'ий'],
  [/ему$/u, 'ий'],
  [/ой$/u, 'ая'],
  [/ей$/u, 'ая'],
  [/([бвгджзклмнпрстфхцчшщ])у$/u, '$1'],
];
const RU_NEUTER: Record<string, string> = { праву: 'право' };
const RU_ADJECTIVE = /(?:ому|ему|ой|ей)$/u;
const NOT_A_COURSE =
  /^(submit|finish|write|do|start|read|print|send|review|study|the|my|our|next|final|big|team|work|group|this|that)$/iu;
const STOP = new Set([
  'в',
  'во',
  'к',
  'на',
  'до',
  'и',
  'с',
  'за',
  'через',
  'завтра',
  'сегодня',
  'послезавтра',
]);

/** "@history" names a course explicitly; the mark is cut from the title. */
export function findCourseMark(text: string): { course: string; span: Span } | null {
  const m = findFirst(text, /(?<![\p{L}\p{N}@.])@([\p{L}][\p{L}\p{N}_-]*)/u);
  return m ? { course: (m[1] ?? '').toLowerCase(), span: m } : null;
}

/** A course named in words: "эссе по истории" → "история", "homework for Calculus" → "Calculus". */
export function findCourse(text: string): string | null {
  const ru = findFirst(text, new RegExp(`${B}(?:${RU_WORK})\\s+по\\s+(\\p{L}+)(?:\\s+(\\p{L}+))?`, 'iu'));
  if (ru) return russianCourse(ru[1] ?? '', ru[2]);
  const prep = findFirst(
    text,
    new RegExp(
      `${B}(?:${EN_WORK})\\s+(?:for|in)\\s+(\\p{Lu}[\\p{L}\\d-]*(?:\\s+\\p{Lu}[\\p{L}\\d-]*|\\s+\\d{2,4}\\p{L}?)*)`,
      'u',
    ),
  );
  if (prep) return prep[1] ?? null;
  const klass = findFirst(
    text,
    new RegExp(`${B}(?:for|in)\\s+(\\p{L}[\\p{L}\\d-]*(?:\\s+\\p{L}[\\p{L}\\d-]*)?)\\s+class${E}`, 'iu'),
  );
  if (klass) return klass[1] ?? null;
  const before = findFirst(
    text,
    new RegExp(`${B}(\\p{Lu}[\\p{L}]+(?:\\s+\\d{2,4}\\p{L}?)?)\\s+(?:${EN_WORK})${E}`, 'u'),
  );
  const word = before?.[1] ?? '';
  if (before && !NOT_A_COURSE.test(word) && !new RegExp(`^(?:${EN_WORK})$`, 'iu').test(word)) return word;
  return null;
}

function russianCourse(first: string, second: string | undefined): string | null {
  const a = first.toLowerCase();
  if (STOP.has(a)) return null;
  if (RU_ADJECTIVE.test(a) && second && !STOP.has(second.toLowerCase()))
    return `${nominative(a)} ${nominative(second.toLowerCase())}`;
  return nominative(a);
}

function nominative(word: string): string {
  if (RU_NEUTER[word]) return RU_NEUTER[word];
  for (const [ending, replacement] of RU_ENDINGS)
    if (ending.test(word)) return word.replace(ending, replacement);
  return word;
}
