import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { type FlowDefinition, startFlow } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen, localAt } from '../../../platform/time/index.ts';
import { PRIORITIES } from '../task-tables.ts';
import type { Task, TaskPatch, TaskService } from '../task-types.ts';
import { type Callback, cb, packId, parseTabCode, unpackId, versionArg } from './callback-data.ts';
import type { ParseDeadline } from './deadline-text.ts';
import { cardDetails, cardKeyboard, cardText, deleteKeyboard, editKeyboard, viewerOf } from './task-card.ts';
import { renderList } from './task-list.ts';

export const EDIT_FLOW = 'tasks-edit';

/** What a button handler did: nothing (stale), something, or something worth a toast. */
export type Handled = boolean | { toast: string };
const HOUR = 3_600_000;

/** Not found, foreign, or changed since the button was drawn: the button is stale. */
export const isStale = (error: unknown) =>
  isDomainError(error) &&
  (error.kind === 'not_found' || error.kind === 'conflict' || error.code === 'topic_changed');

export async function showScreen(ctx: BotContext, text: string, keyboard: InlineKeyboard) {
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch((e: Error) => {
    if (!/not modified/.test(e.message)) throw e;
  });
}

export function createCardActions(deps: { service: TaskService; parseDeadline: ParseDeadline }) {
  const { service } = deps;
  const t = (ctx: BotContext) => ctx.t.bind(ctx);

  async function card(ctx: BotContext, task: Task, from: string, note?: string) {
    const details = await cardDetails(service, ctx.user.id, task);
    const text = cardText(t(ctx), task, details, viewerOf(ctx));
    return {
      text: note ? `${note}\n\n${text}` : text,
      keyboard: cardKeyboard(t(ctx), task, from, viewerOf(ctx)),
    };
  }

  async function showCard(ctx: BotContext, task: Task, from: string, note?: string) {
    const { text, keyboard } = await card(ctx, task, from, note);
    await showScreen(ctx, text, keyboard);
  }

  async function change(ctx: BotContext, id: string, version: number, patch: TaskPatch, from: string) {
    const task = await service.update(ctx.user.id, id, { ...patch, expectVersion: version });
    await showCard(ctx, task, from);
    return task;
  }

  function snoozeTarget(ctx: BotContext, task: Task, kind: string | undefined): Date | null {
    const now = ctx.services.now();
    const base = task.dueAt && task.dueAt > now ? task.dueAt : now;
    if (kind === 'h') return new Date(base.getTime() + HOUR);
    if (kind === 't') {
      const tomorrow9 = localAt(ctx.user.timezone, now, 1, 9, 0);
      // Never moves a deadline earlier: the button is not drawn then, so this one is stale.
      return task.dueAt && task.dueAt >= tomorrow9 ? null : tomorrow9;
    }
    if (!task.dueAt) return null;
    if (kind === 'w') return new Date(base.getTime() + 7 * 24 * HOUR);
    return null;
  }

  /** Runs a card/list button; returns false when the button is stale or malformed. */
  async function handle(ctx: BotContext, { action, args }: Callback): Promise<Handled> {
    const userId = ctx.user.id;
    if (action === 'nop') return true;
    if (action === 'l') {
      const where = parseTabCode(args[0]);
      if (!where) return false;
      const { text, keyboard } = await renderList(
        t(ctx),
        service,
        userId,
        where.tab,
        where.page,
        viewerOf(ctx),
      );
      await showScreen(ctx, text, keyboard);
      return true;
    }
    const id = unpackId(args[0]);
    if (!id) return false;
    if (action === 'o') {
      const task = await service.get(userId, id);
      const from = args[1] ?? 't0';
      if (!task || !parseTabCode(from)) return false;
      await showCard(ctx, task, from);
      return true;
    }
    const version = versionArg(args[1]);
    // Link buttons carry a course/topic id where the others carry the list they came from.
    const linking = action === 'lc' || action === 'lt' || action === 'lu';
    const from = linking ? 't0' : (args[2] ?? 't0');
    if (version === null || !parseTabCode(from)) return false;
    const task = await service.get(userId, id);
    if (!task || task.version !== version) return false;
    switch (action) {
      case 'd':
        await change(ctx, id, version, { status: 'done' }, from);
        return { toast: ctx.t('tasks-done-toast') };
      case 'r':
        await change(ctx, id, version, { status: 'todo' }, from);
        break;
      case 's': {
        const dueAt = snoozeTarget(ctx, task, args[3]);
        if (!dueAt) return false;
        await change(ctx, id, version, { dueAt }, from);
        return { toast: ctx.t('tasks-deadline-moved', { when: formatWhen(dueAt, viewerOf(ctx)) }) };
      }
      case 'e':
        await showScreen(
          ctx,
          `${(await card(ctx, task, from)).text}\n\n${ctx.t('tasks-edit-what')}`,
          editKeyboard(t(ctx), task, from),
        );
        break;
      case 'ep': {
        const priority = PRIORITIES.find((p) => p[0] === args[3]);
        if (!priority) return false;
        await change(ctx, id, version, { priority }, from);
        break;
      }
      case 'et':
      case 'ed':
      case 'ew': {
        const step = { et: 'title', ed: 'description', ew: 'deadline' }[action];
        await startFlow(ctx, EDIT_FLOW, step, { id, version });
        await ctx.reply(ctx.t(`tasks-edit-ask-${step}`, { title: escapeHtml(task.title) }), {
          parse_mode: 'HTML',
        });
        break;
      }
      case 'x':
        await showScreen(
          ctx,
          ctx.t('tasks-delete-confirm', { title: escapeHtml(task.title) }),
          deleteKeyboard(t(ctx), task, from),
        );
        break;
      case 'xy':
        await service.remove(userId, id, { expectVersion: version });
        await showScreen(
          ctx,
          ctx.t('tasks-deleted', { title: escapeHtml(task.title) }),
          new InlineKeyboard().text(ctx.t('tasks-btn-list'), cb('l', from)),
        );
        break;
      case 'lk': {
        const keyboard = new InlineKeyboard();
        for (const course of (await service.courses.list(userId)).slice(0, 10)) {
          keyboard.text(course.name, cb('lc', packId(id), version, packId(course.id))).row();
        }
        if (task.courseId) keyboard.text(ctx.t('tasks-btn-unlink'), cb('lu', packId(id), version)).row();
        keyboard.text(ctx.t('tasks-btn-back'), cb('o', packId(id), from));
        await showScreen(ctx, ctx.t('tasks-link-pick-course', { title: escapeHtml(task.title) }), keyboard);
        break;
      }
      case 'lu':
        await change(ctx, id, version, { courseId: null, topicId: null }, 't0');
        break;
      case 'lc': {
        const courseId = unpackId(args[2]);
        const course = courseId ? await service.courses.get(userId, courseId) : null;
        if (!course) return false;
        const linked = await service.update(userId, id, {
          courseId: course.id,
          topicId: null,
          expectVersion: version,
        });
        if (!course.topics.length) {
          await showCard(ctx, linked, 't0');
          break;
        }
        const keyboard = new InlineKeyboard();
        for (const topic of course.topics.slice(0, 12)) {
          keyboard.text(topic.title, cb('lt', packId(id), linked.version, packId(topic.id))).row();
        }
        keyboard.text(ctx.t('tasks-btn-whole-course'), cb('o', packId(id), 't0'));
        await showScreen(ctx, ctx.t('tasks-link-pick-topic', { course: escapeHtml(course.name) }), keyboard);
        break;
      }
      case 'lt': {
        const topicId = unpackId(args[2]);
        if (!topicId) return false;
        await change(ctx, id, version, { topicId }, 't0');
        break;
      }
      default:
        return false;
    }
    return true;
  }

  const editFlow: FlowDefinition = {
    title: (ctx, data) => applyEdit(ctx, data, 'title', (text) => ({ title: text })),
    description: (ctx, data) =>
      applyEdit(ctx, data, 'description', (text) => ({ description: text === '-' ? null : text })),
    deadline: (ctx, data) =>
      applyEdit(ctx, data, 'deadline', (text) => {
        const dueAt = deps.parseDeadline(text, ctx.user, ctx.services.now());
        return dueAt ? { dueAt } : null;
      }),
  };

  async function applyEdit(
    ctx: BotContext,
    data: Record<string, unknown>,
    step: string,
    patchOf: (text: string) => TaskPatch | null,
  ) {
    const text = (ctx.message?.text ?? '').trim();
    const patch = text ? patchOf(text) : null;
    if (!patch) {
      await ctx.reply(ctx.t('tasks-edit-bad'));
      return { step };
    }
    try {
      const task = await service.update(ctx.user.id, String(data.id), {
        ...patch,
        expectVersion: Number(data.version),
      });
      const { text: body, keyboard } = await card(ctx, task, 't0', ctx.t('tasks-edit-saved'));
      await ctx.reply(body, { parse_mode: 'HTML', reply_markup: keyboard });
    } catch (error) {
      if (!isStale(error) && !(isDomainError(error) && error.kind === 'invalid')) throw error;
      await ctx.reply(ctx.t(isStale(error) ? 'tasks-edit-stale' : 'tasks-edit-bad'));
    }
    return null;
  }

  return { handle, editFlow, card };
}
