import { InlineKeyboard } from 'grammy';
import rrulePackage from 'rrule';
import type { BotContext } from '../../bot/bot-context.ts';
import { escapeHtml } from '../../platform/telegram/telegram-html.ts';
import type { Draft } from './draft-store.ts';

// rrule ships CommonJS: under plain Node only the default export exists (vitest would hide this).
const { RRule } = rrulePackage;

/** "Fri, 27 Nov, 18:00" in the person's language and timezone (no time for all-day dates). */
export function formatDue(iso: string, allDay: boolean, timezone: string, language: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(allDay ? {} : { hour: '2-digit', minute: '2-digit', hour12: false }),
  }).format(new Date(iso));
}

/** A short human phrase for the common recurrences; null when it is something unusual. */
export function describeRecurrence(ctx: BotContext, rrule: string): string | null {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rrule);
  } catch {
    return null;
  }
  const interval = options.interval ?? 1;
  const days = (
    Array.isArray(options.byweekday) ? options.byweekday : options.byweekday ? [options.byweekday] : []
  ).map((d) => (typeof d === 'number' ? d : (d as { weekday: number }).weekday));
  const dayNames = days.map((d) =>
    new Intl.DateTimeFormat(ctx.user.language, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + d)),
    ),
  );
  switch (options.freq) {
    case RRule.DAILY:
      return interval === 1 ? ctx.t('inbox-every-day') : ctx.t('inbox-every-n-days', { n: interval });
    case RRule.WEEKLY:
      if (days.length === 5 && [0, 1, 2, 3, 4].every((d) => days.includes(d)))
        return ctx.t('inbox-every-weekday');
      return interval === 1
        ? ctx.t('inbox-every-week-on', { days: dayNames.join(', ') || '—' })
        : ctx.t('inbox-every-n-weeks-on', { n: interval, days: dayNames.join(', ') || '—' });
    case RRule.MONTHLY: {
      const day = Array.isArray(options.bymonthday) ? options.bymonthday[0] : options.bymonthday;
      return ctx.t('inbox-every-month', { day: day ?? '—' });
    }
    default:
      return null;
  }
}

export function renderCard(ctx: BotContext, draft: Draft): { text: string; keyboard: InlineKeyboard } {
  const p = draft.parsed;
  const details: string[] = [];
  if (p.dueAt) details.push(`🗓 ${formatDue(p.dueAt, p.allDay, ctx.user.timezone, ctx.user.language)}`);
  else if (draft.kind === 'task') details.push(ctx.t('inbox-no-deadline'));
  if (p.rrule) details.push(`🔁 ${describeRecurrence(ctx, p.rrule) ?? p.rrule}`);
  if (p.priority !== 'normal') details.push(ctx.t(`inbox-priority-${p.priority}`));
  if (p.category) details.push(`#${escapeHtml(p.category)}`);
  if (p.course) details.push(`📚 ${escapeHtml(p.course)}`);
  const heading = ctx.t(draft.kind === 'task' ? 'inbox-card-task' : 'inbox-card-reminder', {
    title: escapeHtml(p.title),
  });
  const b = (key: string, action: string) => InlineKeyboard.text(ctx.t(key), `i:${action}:${draft.id}`);
  return {
    text: `${heading}\n${details.join(' · ')}`,
    keyboard: InlineKeyboard.from([
      [b('inbox-save', 'save'), b('inbox-edit', 'edit')],
      [
        b(draft.kind === 'task' ? 'inbox-make-reminder' : 'inbox-make-task', 'swap'),
        b('inbox-cancel', 'cancel'),
      ],
    ]),
  };
}

export function renderSaved(ctx: BotContext, draft: Draft): string {
  const p = draft.parsed;
  const when = p.dueAt ? formatDue(p.dueAt, p.allDay, ctx.user.timezone, ctx.user.language) : null;
  return ctx.t(draft.kind === 'task' ? 'inbox-saved-task' : 'inbox-saved-reminder', {
    title: escapeHtml(p.title),
    when: when ?? '—',
  });
}
