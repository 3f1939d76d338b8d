import { InlineKeyboard } from 'grammy';
import rrulePackage from 'rrule';
import type { BotContext } from '../../bot/bot-context.ts';
import { callbackCodec } from '../../bot/callback-data.ts';
import type { InboxTargetRegistry } from '../../platform/capability/inbox-targets.ts';
import { escapeHtml } from '../../platform/telegram/telegram-html.ts';
import { formatWhen } from '../../platform/time/index.ts';
import type { Draft } from './draft-store.ts';

/** Card buttons: `i:<save|edit|swap|cancel>:<draft id>`. */
export const CARD_CALLBACKS = callbackCodec('i');

// rrule ships CommonJS: under plain Node only the default export exists (vitest would hide this).
const { RRule } = rrulePackage;

/** The due moment in the one house format (no time for all-day dates). */
const formatDue = (ctx: BotContext, iso: string, allDay: boolean) =>
  formatWhen(new Date(iso), { ...ctx.user, now: ctx.services.now() }, { allDay });

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

export function renderCard(
  ctx: BotContext,
  draft: Draft,
  targets: InboxTargetRegistry,
): { text: string; keyboard: InlineKeyboard } {
  const p = draft.parsed;
  const target = targets.get(draft.kind);
  const details: string[] = [];
  if (p.dueAt) details.push(`🗓 ${formatDue(ctx, p.dueAt, p.allDay)}`);
  else if (!target?.needsTime) details.push(ctx.t('inbox-no-deadline'));
  if (p.rrule) details.push(`🔁 ${describeRecurrence(ctx, p.rrule) ?? p.rrule}`);
  if (p.priority !== 'normal') details.push(ctx.t(`inbox-priority-${p.priority}`));
  if (p.category) details.push(`#${escapeHtml(p.category)}`);
  if (p.course) details.push(`📚 ${escapeHtml(p.course)}`);
  const heading = target ? ctx.t(target.cardKey, { title: escapeHtml(p.title) }) : escapeHtml(p.title);
  const b = (key: string, action: string) =>
    InlineKeyboard.text(ctx.t(key), CARD_CALLBACKS.pack(action, draft.id));
  const other = targets.next(draft.kind);
  return {
    text: `${heading}\n${details.join(' · ')}`,
    keyboard: InlineKeyboard.from([
      [b('inbox-save', 'save'), b('inbox-edit', 'edit')],
      [...(other ? [b(other.switchKey, 'swap')] : []), b('inbox-cancel', 'cancel')],
    ]),
  };
}

export function renderSaved(ctx: BotContext, draft: Draft, targets: InboxTargetRegistry): string {
  const p = draft.parsed;
  const when = p.dueAt ? formatDue(ctx, p.dueAt, p.allDay) : '—';
  const target = targets.get(draft.kind);
  return target ? ctx.t(target.savedKey, { title: escapeHtml(p.title), when }) : escapeHtml(p.title);
}
