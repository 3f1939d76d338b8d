import type { ParsedText } from './parsed-text.ts';
import { B, E, findFirst, type Span } from './text-spans.ts';

/** Lead-ins that say "this is a reminder" and are cut from the title. */
const REMINDER_LEAD_IN = new RegExp(
  `^\\s*(?:(?:please|пожалуйста)[,\\s]+)?(?:(?:can|could|would)\\s+you\\s+)?(?:` +
    [
      `(?:remind|ping)\\s+me(?:\\s+(?:to|about|that|of))?`,
      `set\\s+(?:a\\s+)?reminder(?:\\s+(?:to|for|about))?`,
      `reminder\\s*:?(?:\\s+(?:to|about))?`,
      `don'?t\\s+(?:let\\s+me\\s+)?forget(?:\\s+(?:to|about))?`,
      `wake\\s+me\\s+up`,
      `напомина(?:й|ть|ние)\\s*:?`,
      `напомни(?:те)?(?:\\s+(?:мне|нам))?(?:,?\\s+(?:что|чтобы|о|об|про))?`,
      `(?:поставь|создай|сделай)\\s+напоминание(?:\\s+(?:о|об|про))?`,
      `не\\s+забыть(?:\\s+(?:о|об|про|что))?`,
      `не\\s+забудь(?:те)?(?:\\s+(?:о|об|про|что))?`,
      `разбуди(?:те)?\\s+меня`,
    ].join('|') +
    `)${E}(?:[,\\s]+(?:пожалуйста|please)${E})?[,:\\s]*`,
  'iu',
);
const REMINDER_ANYWHERE = new RegExp(
  `${B}(?:remind\\s+me|напомни\\p{L}*|не\\s+забыть|не\\s+забудь|reminder|wake\\s+me)${E}`,
  'iu',
);

/** Lead-ins of a to-do that carry no meaning of their own. */
const TASK_LEAD_IN = new RegExp(
  `^\\s*(?:(?:todo|to-do|to\\s+do|task|задача|дело|сделать)\\s*:|(?:i\\s+)?(?:need|have|got)\\s+to|i\\s+must|must|надо|нужно|мне\\s+надо|мне\\s+нужно|необходимо)${E}[,:\\s]*`,
  'iu',
);

const ACTION_EN =
  'buy|call|phone|text|email|e-mail|message|submit|send|pay|write|finish|prepare|book|order|clean|fix|check|read|study|learn|do|make|meet|visit|go|pick|return|renew|schedule|review|print|cancel|bring|take|watch|get|finish|start|complete|upload|register|sign|apply|reply|answer|water|feed|wash|cook|pack|practice|practise|revise|hand|turn|file|ship|post|plan|organize|organise|update|install|backup|back|walk|drop|collect|grab|see|ask|tell|invite|reserve|charge|refill|feed|clear|sort|move|vacuum|prep|draft|edit|translate|call|memorize|memorise|attend';
// A Russian line that starts with an infinitive ("сдать", "купить", "подготовиться") is a to-do.
const RU_INFINITIVE = /^[\p{L}-]*(?:ть|ться|ти|тись|чь|чься)$/iu;
const RU_NOT_VERBS = new Set([
  'мать',
  'путь',
  'часть',
  'сеть',
  'власть',
  'область',
  'радость',
  'новость',
  'пусть',
  'есть',
  'грусть',
  'жалость',
  'суть',
  'роль',
  'треть',
  'плоть',
  'кисть',
  'лесть',
  'месть',
  'честь',
  'шерсть',
  'скорость',
  'помощь',
  'ночь',
  'дочь',
  'печь',
  'речь',
  'вещь',
]);

const GREETING = new RegExp(
  `^\\s*(?:hi|hello|hey|yo|thanks|thank\\s+you|good\\s+(?:morning|night|evening|afternoon)|how\\s+are\\s+you|ok|okay|привет|здравствуй\\p{L}*|добр\\p{L}+\\s+(?:утро|день|вечер|ночи)|спасибо|как\\s+дела|пока|ок|ладно|хорошо)${E}`,
  'iu',
);

const QUESTION_WORD = new RegExp(
  `^\\s*(?:what|when|where|who|why|how|что|когда|где|кто|почему|зачем|какой|какая|какие|сколько)${E}`,
  'iu',
);

// "Запиши меня на массаж", "I want to book an appointment": a request to book, read as a to-do;
// a capability that books (the smart inbox's booking target) takes it first when it can.
const BOOKING_REQUEST = new RegExp(
  `^\\s*(?:(?:please|пожалуйста)[,\\s]+)?(?:запиши(?:те)?\\s+меня|хочу\\s+записаться|book\\s+me|(?:i\\s+(?:want|need|would\\s+like|'d\\s+like)\\s+to\\s+)?(?:book|make)\\s+an?\\s+appointment)${E}`,
  'iu',
);

// "Сегодня был отличный день", "I had a great day": news, not a to-do.
const PAST_STATEMENT = new RegExp(`${B}(?:был|была|было|были|had|was|were|did)${E}`, 'iu');

export interface LeadIn extends Span {
  reminder: boolean;
}

/** "Remind me to" / "напомни мне" / "не забыть" / "надо" at the start of the line. */
export function findLeadIn(text: string): LeadIn | null {
  const reminder = findFirst(text, REMINDER_LEAD_IN);
  if (reminder) return { start: reminder.start, end: reminder.end, reminder: true };
  const task = findFirst(text, TASK_LEAD_IN);
  if (task) return { start: task.start, end: task.end, reminder: false };
  return null;
}

// Things done at a moment rather than by a deadline: with a clock time they make a reminder.
const MOMENT_VERB = new RegExp(
  `^(?:позвонить|набрать|перезвонить|выпить|принять|выключить|включить|забрать|выйти|выехать|встать|проснуться|покормить|полить|выгулять|созвон\\p{L}*|call|phone|ring|take|turn|switch|leave|pick|wake|feed|water|walk|join|ping)${E}`,
  'iu',
);

export interface IntentSignals {
  text: string;
  /** The text after the lead-in, with dates and marks cut (what the title will be made from). */
  rest: string;
  leadIn: LeadIn | null;
  recurring: boolean;
  dated: boolean;
  /** A clock time was said ("в 17:30", "через 2 часа"), not only a day. */
  timed: boolean;
  /** The time was said as "in 2 hours" / "через 15 минут". */
  relative: boolean;
  marked: boolean;
}

/** A note, a letter, a pasted article: more than a to-do line. Its dates are context, not a due time. */
const isLongText = (text: string) => text.length > 200 || text.split('\n').filter((l) => l.trim()).length > 3;

export function pickIntent(s: IntentSignals): ParsedText['intent'] {
  if (isLongText(s.text) && !s.leadIn) return 'unknown';
  if (s.leadIn?.reminder || REMINDER_ANYWHERE.test(s.text) || s.recurring) return 'reminder';
  if (BOOKING_REQUEST.test(s.text)) return 'task';
  const question = /\?\s*$/u.test(s.text) || QUESTION_WORD.test(s.text);
  if (question) return 'unknown';
  if (s.relative || (s.timed && MOMENT_VERB.test(s.rest.trim()))) return 'reminder';
  if (GREETING.test(s.text) && !s.marked) return 'unknown';
  if (PAST_STATEMENT.test(s.text) && !s.leadIn && !s.marked && !startsWithAction(s.rest)) return 'unknown';
  if (s.leadIn || s.dated || s.marked || startsWithAction(s.rest)) return 'task';
  return 'unknown';
}

function startsWithAction(rest: string): boolean {
  const first =
    rest
      .trim()
      .split(/[\s,.:;!]+/u)[0]
      ?.toLowerCase() ?? '';
  if (!first) return false;
  if (new RegExp(`^(?:${ACTION_EN})$`, 'u').test(first)) return true;
  return /[а-яё]/u.test(first) && RU_INFINITIVE.test(first) && !RU_NOT_VERBS.has(first);
}
