import { InlineKeyboard } from 'grammy';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import type { TaskService } from '../task-types.ts';
import { cb, type ListTab, packId, TABS, tabCode } from './callback-data.ts';
import { dueText, type Translate, type Viewer } from './task-card.ts';

export const PAGE_SIZE = 5;

const PRIORITY_MARK: Record<string, string> = { low: '', normal: '', high: ' ❗', urgent: ' ‼️' };

/** One page of a tab of /tasks: the text lists the items, a button per item opens its card. */
export async function renderList(
  t: Translate,
  service: TaskService,
  userId: string,
  tab: ListTab,
  requestedPage: number,
  viewer: Viewer,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  let page = Math.max(0, requestedPage);
  let result = await service.list(userId, { view: tab, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page >= pages) {
    // The list shrank since the button was drawn: show its last page instead.
    page = pages - 1;
    result = await service.list(userId, { view: tab, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  }
  const lines = [t('tasks-list-title', { tab: t(`tasks-tab-${tab}`), page: page + 1, pages })];
  const keyboard = new InlineKeyboard();
  for (const name of TABS) {
    const label = t(`tasks-tab-${name}`);
    keyboard.text(name === tab ? `· ${label} ·` : label, cb('l', tabCode(name, 0)));
  }
  keyboard.row();
  if (!result.items.length) lines.push('', t(`tasks-list-empty-${tab}`));
  result.items.forEach((task, index) => {
    const n = page * PAGE_SIZE + index + 1;
    const when = task.dueAt ? dueText(t, task, viewer) : t('tasks-no-deadline');
    lines.push(`${n}. ${escapeHtml(task.title)}${PRIORITY_MARK[task.priority] ?? ''} — ${when}`);
    const label = `${n}. ${task.title}`;
    keyboard.text(
      label.length > 40 ? `${label.slice(0, 39)}…` : label,
      cb('o', packId(task.id), tabCode(tab, page)),
    );
    keyboard.row();
  });
  if (pages > 1) {
    keyboard
      .text(page > 0 ? '◀' : ' ', page > 0 ? cb('l', tabCode(tab, page - 1)) : cb('nop'))
      .text(`${page + 1}/${pages}`, cb('nop'))
      .text(page < pages - 1 ? '▶' : ' ', page < pages - 1 ? cb('l', tabCode(tab, page + 1)) : cb('nop'));
  }
  return { text: lines.join('\n'), keyboard };
}
