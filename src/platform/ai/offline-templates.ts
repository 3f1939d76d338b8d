import { escapeHtml } from '../telegram/telegram-html.ts';
import type { ParsedChatInput, ParsedInsightStats, ParsedRenderNoteInput } from './ai-port.ts';
import type { ChatReply, Insight, Language, RenderedNote } from './ai-schemas.ts';
import { detectLanguage, words } from './text-tokens.ts';

const PRESETS = {
  detailed: '<b>{title}</b>\n\n{text}\n\n{tags}\n{source}',
  compact: '<b>{title}</b> {tags}\n{text}',
  minimal: '{text}',
} as const;

const SOURCE_LABEL = {
  ru: {
    text: '',
    voice: 'голосовое',
    link: 'ссылка',
    photo: 'фото',
    document: 'документ',
    forward: 'переслано',
  },
  en: { text: '', voice: 'voice', link: 'link', photo: 'photo', document: 'document', forward: 'forwarded' },
} as const;

/** The first sentence or line, without links, cut at a word boundary. */
export function titleFrom(text: string, max = 60): string {
  const clean = text.replace(/https?:\/\/\S+/g, '').trim();
  const first = (clean.split(/\n|(?<=[.!?])\s/)[0] ?? '').trim().replace(/[.!?:;,]+$/, '');
  if (!first) return text.trim().slice(0, max) || '—';
  if (first.length <= max) return first[0]!.toUpperCase() + first.slice(1);
  return `${first.slice(0, max - 1).replace(/\s+\S*$/, '')}…`.replace(/^./, (c) => c.toUpperCase());
}

/** #hashtags written in the text, then the given keywords that the text mentions; at most 5. */
export function tagsFrom(text: string, keywords: readonly string[] = []): string[] {
  const tags = new Set<string>();
  for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) tags.add(m[1]!.toLowerCase());
  const have = new Set(words(text));
  for (const k of keywords) {
    const kw = words(k);
    if (kw.length > 0 && kw.every((w) => have.has(w))) tags.add(kw.join('_'));
  }
  return [...tags].slice(0, 5);
}

/** Cleans whitespace, keeps paragraphs, drops a trailing run of hashtags (they become tags). */
export function cleanBody(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(\s*#[\p{L}\p{N}_]+)+\s*$/u, '')
    .trim();
}

/** Assembles the Telegram-HTML note from its parts with the user's template or a preset. */
export function assembleNote(
  input: ParsedRenderNoteInput,
  parts: { title: string; tags: string[]; body: string },
): RenderedNote {
  const language = input.note.language ?? detectLanguage(input.note.text);
  const src = input.note.source;
  const sourceParts = src
    ? [SOURCE_LABEL[language][src.kind], src.from, src.title, src.url].filter((p): p is string => Boolean(p))
    : [];
  const template = input.style.template ?? PRESETS[input.style.preset];
  // A one-sentence note is its own title: under it, the same words again would say it twice.
  const bare = (x: string) => x.replace(/[\s.!?…:;,]+$/u, '').toLowerCase();
  const body = template.includes('{title}') && bare(parts.title) === bare(parts.body) ? '' : parts.body;
  const values: Record<string, string> = {
    title: escapeHtml(parts.title),
    text: escapeHtml(body),
    tags: parts.tags.map((t) => `#${t.replace(/[^\p{L}\p{N}_]+/gu, '_')}`).join(' '),
    source: sourceParts.length ? `<i>${escapeHtml(sourceParts.join(' · '))}</i>` : '',
    topic: escapeHtml(input.topicName ?? ''),
  };
  const text = template
    .replace(/\{(title|text|tags|source|topic)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { ...parts, text };
}

export function renderNoteOffline(input: ParsedRenderNoteInput): RenderedNote {
  const body = cleanBody(input.note.text);
  return assembleNote(input, {
    title: input.title ?? titleFrom(body || input.note.source?.title || ''),
    tags: input.tags.length ? input.tags : tagsFrom(input.note.text),
    body,
  });
}

const WEEKDAY_NAMES = {
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

function plural(language: Language, n: number, en: [string, string], ru: [string, string, string]): string {
  if (language === 'en') return `${n} ${n === 1 ? en[0] : en[1]}`;
  const mod10 = n % 10;
  const mod100 = n % 100;
  const form =
    mod10 === 1 && mod100 !== 11 ? 0 : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 1 : 2;
  return `${n} ${ru[form]}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A short weekly insight from the numbers alone, in the user's language. */
export function writeInsightOffline(s: ParsedInsightStats): Insight {
  const ru = s.language === 'ru';
  const L = s.language;
  const lines: string[] = [];
  const done = plural(L, s.tasksCompleted, ['task', 'tasks'], ['задачу', 'задачи', 'задач']);
  lines.push(
    ru
      ? `За ${plural(L, s.periodDays, ['day', 'days'], ['день', 'дня', 'дней'])} вы выполнили ${done} из ${s.tasksCreated} — ${pct(s.completionRate)}.`
      : `In the last ${plural(L, s.periodDays, ['day', 'days'], ['день', 'дня', 'дней'])} you completed ${done} of ${s.tasksCreated} (${pct(s.completionRate)}).`,
  );
  if (s.previousCompletionRate !== null) {
    const delta = Math.round((s.completionRate - s.previousCompletionRate) * 100);
    if (delta !== 0) {
      lines.push(
        ru
          ? `Это на ${Math.abs(delta)} п.п. ${delta > 0 ? 'лучше' : 'хуже'}, чем неделей раньше.`
          : `That is ${Math.abs(delta)} points ${delta > 0 ? 'better' : 'worse'} than the week before.`,
      );
    }
  }
  if (s.onTimeRate !== null)
    lines.push(ru ? `Вовремя: ${pct(s.onTimeRate)}.` : `On time: ${pct(s.onTimeRate)}.`);
  if (s.overdueCount > 0) {
    const overdue = plural(
      L,
      s.overdueCount,
      ['task is', 'tasks are'],
      ['задача просрочена', 'задачи просрочены', 'задач просрочено'],
    );
    lines.push(
      ru
        ? `Сейчас ${overdue} — начните с самой маленькой.`
        : `${overdue[0]!.toUpperCase()}${overdue.slice(1)} overdue — start with the smallest one.`,
    );
  }
  if (s.streakDays >= 2) {
    const streak = plural(L, s.streakDays, ['day', 'days'], ['день', 'дня', 'дней']);
    lines.push(
      ru ? `Серия: ${streak} подряд, не прерывайте её.` : `Streak: ${streak} in a row — keep it going.`,
    );
  }
  if (s.mostProductiveWeekday !== null || s.mostProductiveHour !== null) {
    const day = s.mostProductiveWeekday !== null ? WEEKDAY_NAMES[L][s.mostProductiveWeekday - 1] : null;
    const hour = s.mostProductiveHour !== null ? `${String(s.mostProductiveHour).padStart(2, '0')}:00` : null;
    const when = [day, hour].filter(Boolean).join(ru ? ', около ' : ', around ');
    lines.push(
      ru
        ? `Продуктивнее всего: ${when}. Планируйте важное на это время.`
        : `You get most done on ${when}. Put important work there.`,
    );
  }
  for (const c of s.study.slice(0, 3)) {
    lines.push(
      ru
        ? `Курс «${c.course}»: ${Math.round(c.percent)}%.`
        : `Course "${c.course}": ${Math.round(c.percent)}%.`,
    );
  }
  return { text: lines.join('\n') };
}

/** Without a provider there is no conversation; say so honestly and offer what works offline. */
export function chatOffline(input: ParsedChatInput): ChatReply {
  const name = input.profile.name ? `, ${input.profile.name}` : '';
  if (input.profile.language === 'ru') {
    return {
      reply:
        `Извините${name}, для свободного разговора нужна подключённая языковая модель, а она не настроена. ` +
        'Но я могу: записать задачу или напоминание («завтра в 10 позвонить маме»), разложить заметку по темам, ' +
        'показать статистику (/stats) и записать вас на приём.',
    };
  }
  return {
    reply:
      `Sorry${name}, free conversation needs a language model and none is configured. ` +
      'I can still add a task or a reminder ("call mom tomorrow at 10"), file a note into your topics, ' +
      'show your stats (/stats) and book an appointment.',
  };
}
