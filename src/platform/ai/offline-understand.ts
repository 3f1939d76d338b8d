import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
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
const HIGH = /\b(urgent|urgently|asap|important)\b|срочно|важно|!!/iu;
const LOW = /\b(someday|whenever|low priority|no rush)\b|когда-нибудь|не\s+срочно|как-нибудь/iu;
const LEAD_IN =
  /^(please\s+)?(remind\s+me\s+(to|about|that)?|reminder:?|don'?t\s+forget\s+(to)?|todo:?|to\s?do:?|напомни(те)?(\s+мне)?(,?\s*(что|о|об|про))?|не\s+забыть|не\s+забудь|надо|нужно)\s*/iu;

const WEEKDAYS: [RegExp, string][] = [
  [/monday|понедельник/iu, 'MO'],
  [/tuesday|вторник/iu, 'TU'],
  [/wednesday|сред[уы]/iu, 'WE'],
  [/thursday|четверг/iu, 'TH'],
  [/friday|пятниц/iu, 'FR'],
  [/saturday|суббот/iu, 'SA'],
  [/sunday|воскресень/iu, 'SU'],
];

/** Rules plus chrono-node: the smart inbox without a model. Dates are read in the user's timezone. */
export function understandOffline(req: UnderstandRequest): Understanding {
  const text = req.text.trim();
  const language = req.language ?? detectLanguage(text);
  const when = parseWhen(text, req.now, req.timezone, language);
  const rrule = parseRecurrence(text);
  const intent = pickIntent(text, when !== null || rrule !== null);
  const timed = intent.intent === 'task' || intent.intent === 'reminder' || intent.intent === 'booking';
  return {
    intent: intent.intent,
    title: makeTitle(text, when?.matched),
    dueAt: when?.iso ?? null,
    allDay: when?.allDay ?? false,
    rrule,
    priority: timed ? (HIGH.test(text) ? 'high' : LOW.test(text) ? 'low' : 'normal') : null,
    category: guessCategory(text),
    confidence: intent.confidence,
    language,
  };
}

function pickIntent(text: string, hasDate: boolean): { intent: Intent; confidence: number } {
  if (REMINDER.test(text)) return { intent: 'reminder', confidence: hasDate ? 0.9 : 0.7 };
  if (BOOKING.test(text)) return { intent: 'booking', confidence: 0.8 };
  if (NOTE.test(text)) return { intent: 'note', confidence: 0.8 };
  if (CHAT.test(text) || (/\?\s*$/.test(text) && !hasDate)) return { intent: 'chat', confidence: 0.6 };
  if (hasDate) return { intent: 'task', confidence: TASK_VERB.test(text) ? 0.85 : 0.65 };
  if (TASK_VERB.test(text)) return { intent: 'task', confidence: 0.6 };
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return wordCount >= 3 ? { intent: 'note', confidence: 0.5 } : { intent: 'chat', confidence: 0.4 };
}

interface When {
  iso: string;
  allDay: boolean;
  matched: string;
}

/** Reads the first date expression; components are rebuilt in the IANA zone so DST is right. */
export function parseWhen(text: string, now: Date, timezone: string, language: Language): When | null {
  const zoneNow = DateTime.fromJSDate(now, { zone: timezone });
  if (!zoneNow.isValid) return null;
  const ref = { instant: now, timezone: zoneNow.offset };
  const parsers = language === 'ru' ? [chrono.ru, chrono.casual] : [chrono.casual, chrono.ru];
  for (const parser of parsers) {
    const result = parser.parse(text, ref, { forwardDate: true })[0];
    if (!result) continue;
    const c = result.start;
    const hasTime = c.isCertain('hour');
    let local = DateTime.fromObject(
      {
        year: c.get('year') ?? zoneNow.year,
        month: c.get('month') ?? zoneNow.month,
        day: c.get('day') ?? zoneNow.day,
        // A date without a time becomes 09:00 local, a sensible moment to remind about it.
        hour: hasTime ? (c.get('hour') ?? 9) : 9,
        minute: hasTime ? (c.get('minute') ?? 0) : 0,
      },
      { zone: timezone },
    );
    if (c.isCertain('timezoneOffset')) local = DateTime.fromJSDate(c.date(), { zone: timezone });
    if (!local.isValid) continue;
    return { iso: local.toISO({ suppressMilliseconds: true }) ?? '', allDay: !hasTime, matched: result.text };
  }
  return null;
}

/** Daily / weekly (with weekdays) / monthly / yearly repetition in ru or en, as an RRULE. */
export function parseRecurrence(text: string): string | null {
  const t = text.toLowerCase();
  if (/\b(every\s*day|daily)\b|каждый\s+день|ежедневно|каждое\s+утро|каждый\s+вечер/u.test(t))
    return 'FREQ=DAILY';
  const days = WEEKDAYS.filter(([re]) => re.test(t)).map(([, d]) => d);
  const weeklyCue =
    /\bevery\s+(mon|tue|wed|thu|fri|sat|sun)|\bon\s+\w+days\b|кажд\p{L}+\s+(пон|вто|сре|чет|пят|суб|вос)|по\s+(понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям)/u;
  if (days.length > 0 && weeklyCue.test(t)) return `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
  if (/\b(every\s+week|weekly)\b|каждую\s+неделю|еженедельно/u.test(t)) return 'FREQ=WEEKLY';
  if (/\b(every\s+month|monthly)\b|каждый\s+месяц|ежемесячно/u.test(t)) return 'FREQ=MONTHLY';
  if (/\b(every\s+year|yearly|annually)\b|каждый\s+год|ежегодно/u.test(t)) return 'FREQ=YEARLY';
  return null;
}

function makeTitle(text: string, dateText: string | undefined): string {
  let title = text.split('\n')[0] ?? '';
  if (dateText) title = title.replace(dateText, ' ');
  title = title
    .replace(LEAD_IN, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,.:;—-]+|[\s,.:;—-]+$/g, '');
  if (title.length > 80) title = `${title.slice(0, 79).replace(/\s+\S*$/, '')}…`;
  return title ? title[0]!.toUpperCase() + title.slice(1) : text.slice(0, 80);
}
