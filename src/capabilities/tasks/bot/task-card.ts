import { InlineKeyboard } from 'grammy';
/** A Fluent lookup: `ctx.t` in handlers, a fixed-language `i18n.t` in job workers. */
import type { Translate } from '../../../bot/i18n.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen, localAt } from '../../../platform/time/index.ts';
import type { Task, TaskService } from '../task-types.ts';
import { cb, packId } from './callback-data.ts';

export type { Translate } from '../../../bot/i18n.ts';

export interface CardDetails {
  category: string | null;
  course: string | null;
  topic: string | null;
}

export interface Viewer {
  timezone: string;
  language: string;
  now: Date;
}

export async function cardDetails(service: TaskService, userId: string, task: Task): Promise<CardDetails> {
  const category = task.categoryId
    ? ((await service.courses.listCategories(userId)).find((c) => c.id === task.categoryId)?.name ?? null)
    : null;
  const course = task.courseId ? await service.courses.get(userId, task.courseId) : null;
  const topic = course?.topics.find((t) => t.id === task.topicId)?.title ?? null;
  return { category, course: course?.name ?? null, topic };
}

export function dueText(t: Translate, task: Pick<Task, 'dueAt'>, viewer: Viewer): string {
  return task.dueAt ? formatWhen(task.dueAt, viewer) : t('tasks-no-deadline');
}

export function cardText(t: Translate, task: Task, details: CardDetails, viewer: Viewer): string {
  const lines = [`<b>${escapeHtml(task.title)}</b>`];
  if (task.description) lines.push(`<i>${escapeHtml(task.description)}</i>`);
  lines.push('');
  const overdue = task.dueAt && task.dueAt < viewer.now && ['todo', 'in_progress'].includes(task.status);
  lines.push(`📅 ${dueText(t, task, viewer)}${overdue ? ` ${t('tasks-overdue-mark')}` : ''}`);
  lines.push(t('tasks-card-priority', { priority: t(`tasks-priority-${task.priority}`) }));
  lines.push(t('tasks-card-status', { status: t(`tasks-status-${task.status}`) }));
  if (details.category) lines.push(t('tasks-card-category', { category: escapeHtml(details.category) }));
  if (details.course) {
    const course = details.topic ? `${details.course} · ${details.topic}` : details.course;
    lines.push(t('tasks-card-course', { course: escapeHtml(course) }));
  }
  return lines.join('\n');
}

/**
 * The card's buttons; each carries the task's version, so a button of an older state goes stale.
 * The deadline buttons say what they do to the deadline, appear only where it makes sense (no
 * "+1 h" without a deadline) and never move a deadline earlier ("tomorrow 9:00" only before it).
 */
export function cardKeyboard(t: Translate, task: Task, from = 't0', viewer?: Viewer): InlineKeyboard {
  const id = packId(task.id);
  const v = task.version;
  const keyboard = new InlineKeyboard();
  if (task.status === 'done' || task.status === 'cancelled') {
    keyboard
      .text(t('tasks-btn-reopen'), cb('r', id, v, from))
      .text(t('tasks-btn-delete'), cb('x', id, v, from));
  } else {
    keyboard
      .text(t('tasks-btn-done'), cb('d', id, v, from))
      .text(t('tasks-btn-edit'), cb('e', id, v, from))
      .row();
    const tomorrow9 = viewer ? localAt(viewer.timezone, viewer.now, 1, 9, 0) : null;
    if (!task.dueAt) keyboard.text(t('tasks-btn-due-tomorrow'), cb('s', id, v, from, 't'));
    else {
      keyboard.text(t('tasks-btn-snooze-hour'), cb('s', id, v, from, 'h'));
      if (tomorrow9 && task.dueAt < tomorrow9)
        keyboard.text(t('tasks-btn-snooze-tomorrow'), cb('s', id, v, from, 't'));
      keyboard.text(t('tasks-btn-snooze-week'), cb('s', id, v, from, 'w'));
    }
    keyboard
      .row()
      .text(t('tasks-btn-course'), cb('lk', id, v, from))
      .text(t('tasks-btn-delete'), cb('x', id, v, from));
  }
  return keyboard.row().text(t('tasks-btn-list'), cb('l', from));
}

/** The edit screen: what to change, with priority as direct buttons. */
export function editKeyboard(t: Translate, task: Task, from: string): InlineKeyboard {
  const id = packId(task.id);
  const v = task.version;
  const keyboard = new InlineKeyboard()
    .text(t('tasks-btn-edit-title'), cb('et', id, v, from))
    .text(t('tasks-btn-edit-description'), cb('ed', id, v, from))
    .text(t('tasks-btn-edit-deadline'), cb('ew', id, v, from))
    .row();
  for (const p of ['low', 'normal', 'high', 'urgent'] as const) {
    const mark = task.priority === p ? '✓ ' : '';
    keyboard.text(`${mark}${t(`tasks-priority-${p}`)}`, cb('ep', id, v, from, p[0] as string));
  }
  return keyboard.row().text(t('tasks-btn-back'), cb('o', id, from));
}

export function deleteKeyboard(t: Translate, task: Task, from: string): InlineKeyboard {
  const id = packId(task.id);
  return new InlineKeyboard()
    .text(t('tasks-btn-delete-yes'), cb('xy', id, task.version, from))
    .text(t('tasks-btn-delete-no'), cb('o', id, from));
}

/** The person looking at a card, as the bot sees them. */
export const viewerOf = (ctx: {
  user: { timezone: string; language: string };
  services: { now: () => Date };
}): Viewer => ({ timezone: ctx.user.timezone, language: ctx.user.language, now: ctx.services.now() });
