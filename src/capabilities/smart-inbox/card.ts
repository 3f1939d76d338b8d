import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../bot/bot-context.ts';
import { callbackCodec } from '../../bot/callback-data.ts';
import { describeRecurrence } from '../../bot/recurrence-words.ts';
import type { InboxTarget, InboxTargetRegistry } from '../../platform/capability/inbox-targets.ts';
import { escapeHtml } from '../../platform/telegram/telegram-html.ts';
import { formatWhen, localDay, sameTimeNextFree } from '../../platform/time/index.ts';
import type { Draft } from './draft-store.ts';

/** Card buttons: `i:<save|edit|swap|cancel|next|nocourse>:<draft id>`. */
export const CARD_CALLBACKS = callbackCodec('i');
export const CARD_ACTIONS = /^(save|edit|swap|cancel|next|nocourse)$/;

/** The due moment in the one house format (no time for all-day dates). */
const formatDue = (ctx: BotContext, iso: string, allDay: boolean) =>
  formatWhen(new Date(iso), { ...ctx.user, now: ctx.services.now() }, { allDay });

/**
 * A one-off moment already gone ("today at 4 am" said at 5:17). With `wholeDay` (a target that
 * needs no time, like a task), a day without a time ("today") is gone only with the whole day:
 * its 09:00 is the parser's default, not the person's words. A reminder still needs a moment ahead.
 */
export const isPast = (ctx: BotContext, draft: Pick<Draft, 'parsed'>, { wholeDay = false } = {}) => {
  const { dueAt, rrule, allDay } = draft.parsed;
  if (!dueAt || rrule) return false;
  const end = allDay && wholeDay ? localDay(ctx.user.timezone, new Date(dueAt)).to : new Date(dueAt);
  return end <= ctx.services.now();
};

/** The next sensible time for a moment that has passed: the same local time on the next day still ahead. */
export const nextSensible = (ctx: BotContext, iso: string): string =>
  sameTimeNextFree(ctx.user.timezone, new Date(iso), ctx.services.now()).toISOString();

/**
 * What a target gets from the draft: what was read from the line, or for a verbatim target (a
 * note) the line itself with nothing read out of it — "Idea: weekly newsletter" keeps "weekly".
 */
export function contentFor(
  target: InboxTarget | undefined,
  draft: Pick<Draft, 'parsed' | 'sourceText'>,
): Draft['parsed'] {
  if (!target?.verbatim) return draft.parsed;
  const title = draft.sourceText.trim();
  return { title, dueAt: null, allDay: false, rrule: null, priority: 'normal', category: null, course: null };
}

const repeatText = (ctx: BotContext, p: Draft['parsed']) =>
  p.rrule && p.dueAt
    ? describeRecurrence(ctx.t.bind(ctx), p.rrule, {
        at: new Date(p.dueAt),
        timezone: ctx.user.timezone,
        language: ctx.user.language,
      })
    : null;

export function renderCard(
  ctx: BotContext,
  draft: Draft,
  targets: InboxTargetRegistry,
): { text: string; keyboard: InlineKeyboard } {
  const target = targets.get(draft.kind);
  const p = contentFor(target, draft);
  const details: string[] = [];
  if (p.dueAt) details.push(`🗓 ${formatDue(ctx, p.dueAt, p.allDay)}`);
  else if (!target?.needsTime && !target?.verbatim) details.push(ctx.t('inbox-no-deadline'));
  const repeat = repeatText(ctx, p);
  if (repeat) details.push(`🔁 ${repeat}`);
  if (p.priority !== 'normal') details.push(ctx.t(`inbox-priority-${p.priority}`));
  if (p.category) details.push(`#${escapeHtml(p.category)}`);
  const heading = target ? ctx.t(target.cardKey, { title: escapeHtml(p.title) }) : escapeHtml(p.title);
  const lines = [heading, details.join(' · ')];
  // A course read from "по истории" is only a guess: shown as one, with a button to drop it.
  if (p.course) lines.push(ctx.t('inbox-course-suggested', { course: escapeHtml(p.course) }));
  const past = isPast(ctx, { parsed: p }, { wholeDay: !target?.needsTime });
  if (past) lines.push(ctx.t('inbox-past'));
  if (target?.needsTime && !p.dueAt) lines.push(ctx.t('inbox-needs-time-hint'));
  const b = (text: string, action: string) =>
    InlineKeyboard.text(text, CARD_CALLBACKS.pack(action, draft.id));
  const other = targets.next(draft.kind);
  const rows = [
    [b(ctx.t('inbox-save'), 'save'), b(ctx.t('inbox-edit'), 'edit')],
    [...(other ? [b(ctx.t(other.switchKey), 'swap')] : []), b(ctx.t('inbox-cancel'), 'cancel')],
  ];
  if (past && p.dueAt) {
    const next = formatDue(ctx, nextSensible(ctx, p.dueAt), false);
    rows.unshift([b(ctx.t('inbox-move-to', { when: next }), 'next')]);
  }
  if (p.course) rows.push([b(ctx.t('inbox-drop-course'), 'nocourse')]);
  return { text: lines.filter(Boolean).join('\n'), keyboard: InlineKeyboard.from(rows) };
}

export function renderSaved(ctx: BotContext, draft: Draft, targets: InboxTargetRegistry): string {
  const target = targets.get(draft.kind);
  const p = contentFor(target, draft);
  const when = p.dueAt ? formatDue(ctx, p.dueAt, p.allDay) : ctx.t('inbox-no-deadline');
  const saved = target ? ctx.t(target.savedKey, { title: escapeHtml(p.title), when }) : escapeHtml(p.title);
  const repeat = repeatText(ctx, p);
  return repeat ? `${saved}\n🔁 ${repeat}` : saved;
}
