import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { type FlowDefinition, startFlow } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { TOPIC_STATUSES } from '../task-tables.ts';
import type { Course, TaskService } from '../task-types.ts';
import { type Callback, cb, packId, unpackId, versionArg } from './callback-data.ts';
import { showScreen } from './card-actions.ts';
import { progressBar } from './progress-bar.ts';

export const COURSE_FLOW = 'tasks-course';
const ICON = { not_started: '⬜', in_progress: '🟡', learned: '✅' } as const;

type Screen = { text: string; keyboard: InlineKeyboard };

export function createCoursesView(service: TaskService) {
  const progressLine = (ctx: BotContext, course: Course) =>
    `${progressBar(course.progress.percent)} · ${ctx.t('tasks-course-learned', { learned: course.progress.learned, total: course.progress.total })}`;

  async function listScreen(ctx: BotContext): Promise<Screen> {
    const courses = await service.courses.list(ctx.user.id);
    const lines = [ctx.t('tasks-courses-title')];
    const keyboard = new InlineKeyboard();
    if (!courses.length) lines.push('', ctx.t('tasks-courses-empty'));
    for (const course of courses.slice(0, 20)) {
      lines.push('', `<b>${escapeHtml(course.name)}</b>`, progressLine(ctx, course));
      keyboard.text(`📚 ${course.name}`, cb('c', packId(course.id))).row();
    }
    keyboard.text(ctx.t('tasks-btn-new-course'), cb('cn'));
    return { text: lines.join('\n'), keyboard };
  }

  function courseScreen(ctx: BotContext, course: Course): Screen {
    const lines = [`📚 <b>${escapeHtml(course.name)}</b>`, progressLine(ctx, course), ''];
    const keyboard = new InlineKeyboard();
    if (!course.topics.length) lines.push(ctx.t('tasks-course-no-topics'));
    course.topics.forEach((topic, i) => {
      lines.push(`${i + 1}. ${ICON[topic.status]} ${escapeHtml(topic.title)}`);
      keyboard
        .text(`${ICON[topic.status]} ${topic.title}`.slice(0, 60), cb('ct', packId(topic.id), topic.version))
        .row();
    });
    if (course.topics.length) lines.push('', ctx.t('tasks-course-tap-topic'));
    keyboard
      .text(ctx.t('tasks-btn-add-topics'), cb('ca', packId(course.id)))
      .text(ctx.t('tasks-btn-courses'), cb('cl'));
    return { text: lines.join('\n'), keyboard };
  }

  const reply = (ctx: BotContext, s: Screen) =>
    ctx.reply(s.text, { parse_mode: 'HTML', reply_markup: s.keyboard });

  async function show(ctx: BotContext) {
    await reply(ctx, await listScreen(ctx));
  }

  async function handle(ctx: BotContext, { action, args }: Callback): Promise<boolean> {
    const userId = ctx.user.id;
    if (action === 'cl') {
      const s = await listScreen(ctx);
      await showScreen(ctx, s.text, s.keyboard);
    } else if (action === 'cn') {
      await startFlow(ctx, COURSE_FLOW, 'name');
      await ctx.reply(ctx.t('tasks-course-ask-name'));
    } else if (action === 'c' || action === 'ca') {
      const id = unpackId(args[0]);
      const course = id ? await service.courses.get(userId, id) : null;
      if (!course) return false;
      if (action === 'c') {
        const s = courseScreen(ctx, course);
        await showScreen(ctx, s.text, s.keyboard);
      } else {
        await startFlow(ctx, COURSE_FLOW, 'topics', { courseId: course.id });
        await ctx.reply(ctx.t('tasks-course-ask-topics', { course: escapeHtml(course.name) }), {
          parse_mode: 'HTML',
        });
      }
    } else if (action === 'ct') {
      const topicId = unpackId(args[0]);
      const version = versionArg(args[1]);
      const topic = topicId ? await service.courses.findTopic(userId, topicId) : null;
      if (!topic || version === null || topic.version !== version) return false;
      const next = TOPIC_STATUSES[(TOPIC_STATUSES.indexOf(topic.status) + 1) % TOPIC_STATUSES.length];
      await service.courses.updateTopic(userId, topic.courseId, topic.id, {
        status: next,
        expectVersion: version,
      });
      const course = await service.courses.get(userId, topic.courseId);
      if (!course) return false;
      const s = courseScreen(ctx, course);
      await showScreen(ctx, s.text, s.keyboard);
    } else {
      return false;
    }
    return true;
  }

  const flow: FlowDefinition = {
    async name(ctx) {
      const name = (ctx.message?.text ?? '').trim();
      try {
        const course = await service.courses.create(ctx.user.id, { name });
        await ctx.reply(ctx.t('tasks-course-created', { course: escapeHtml(course.name) }), {
          parse_mode: 'HTML',
        });
        return { step: 'topics', data: { courseId: course.id } };
      } catch (error) {
        if (!isDomainError(error) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
        await ctx.reply(ctx.t(error.kind === 'conflict' ? 'tasks-course-exists' : 'tasks-course-bad-name'));
        return { step: 'name' };
      }
    },
    async topics(ctx, data) {
      const titles = (ctx.message?.text ?? '')
        .split('\n')
        .map((line) => line.replace(/^\s*(\d+[.)]|[-•*])\s*/, '').trim())
        .filter(Boolean)
        .slice(0, 50);
      if (!titles.length) {
        await ctx.reply(ctx.t('tasks-course-bad-topics'));
        return { step: 'topics' };
      }
      const courseId = String(data.courseId);
      try {
        for (const title of titles)
          await service.courses.addTopic(ctx.user.id, courseId, title.slice(0, 200));
      } catch (error) {
        if (!isDomainError(error) || error.kind !== 'not_found') throw error;
        await ctx.reply(ctx.t('tasks-edit-stale'));
        return null;
      }
      const course = await service.courses.get(ctx.user.id, courseId);
      if (course) await reply(ctx, courseScreen(ctx, course));
      return null;
    },
  };

  return { show, handle, flow };
}
