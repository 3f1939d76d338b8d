import { Composer } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import { answerStale } from '../../../bot/stale-button.ts';
import type { TaskService } from '../task-types.ts';
import { parseCallback, TASKS_CALLBACKS } from './callback-data.ts';
import { createCardActions, EDIT_FLOW, type Handled, isStale } from './card-actions.ts';
import { COURSE_FLOW, createCoursesView } from './courses-view.ts';
import type { ParseDeadline } from './deadline-text.ts';
import { createNewTaskFlow, NEW_FLOW } from './new-task-flow.ts';
import { viewerOf } from './task-card.ts';
import { renderList } from './task-list.ts';

export const TASKS_LOCALES_DIR = new URL('../locales', import.meta.url).pathname;

/** /new, /tasks and /courses, and every `t:` button. A thin UI over the TaskService. */
export function createTasksBotFeature(deps: { service: TaskService; parseDeadline: ParseDeadline }): {
  feature: BotFeature;
  showTasks: (ctx: BotContext) => Promise<void>;
  showCourses: (ctx: BotContext) => Promise<void>;
} {
  const { service } = deps;
  const newTask = createNewTaskFlow(deps);
  const cards = createCardActions(deps);
  const courses = createCoursesView(service);
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');

  privateChat.command('new', (ctx) => newTask.start(ctx));
  const showTasks = async (ctx: BotContext) => {
    // Opens on the first tab with something in it: a task saved for Friday is not "nothing to do".
    let tab: 'today' | 'overdue' | 'upcoming' = 'upcoming';
    for (const candidate of ['today', 'overdue'] as const) {
      const { total } = await service.list(ctx.user.id, { view: candidate, limit: 1, offset: 0 });
      if (total > 0) {
        tab = candidate;
        break;
      }
    }
    const { text, keyboard } = await renderList(ctx.t.bind(ctx), service, ctx.user.id, tab, 0, viewerOf(ctx));
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  };
  const showCourses = (ctx: BotContext) => courses.show(ctx);
  privateChat.command('tasks', showTasks);
  privateChat.command('courses', (ctx) => courses.show(ctx));

  composer.on('callback_query:data', async (ctx, next) => {
    const parsed = parseCallback(ctx.callbackQuery.data);
    if (!parsed) return next();
    let handled: Handled = false;
    try {
      if (parsed.action === 'n') handled = await newTask.onCallback(ctx, parsed.args);
      else if (parsed.action.startsWith('c')) handled = await courses.handle(ctx, parsed);
      else handled = await cards.handle(ctx, parsed);
    } catch (error) {
      if (!isStale(error)) throw error;
      handled = false;
    }
    if (!handled) {
      await answerStale(ctx);
      return;
    }
    await ctx.answerCallbackQuery(handled === true ? undefined : { text: handled.toast });
  });

  const feature: BotFeature = {
    name: 'tasks',
    composer,
    flows: { [NEW_FLOW]: newTask.flow, [EDIT_FLOW]: cards.editFlow, [COURSE_FLOW]: courses.flow },
    commands: [
      { command: 'new', descriptionKey: 'tasks-cmd-new' },
      { command: 'tasks', descriptionKey: 'tasks-cmd-tasks' },
      { command: 'courses', descriptionKey: 'tasks-cmd-courses' },
    ],
    localesDir: TASKS_LOCALES_DIR,
    callbacks: [TASKS_CALLBACKS],
  };
  return { feature, showTasks, showCourses };
}
