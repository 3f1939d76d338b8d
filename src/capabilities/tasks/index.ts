import { createI18n, type Translate } from '../../bot/i18n.ts';
import { parseText } from '../../platform/nl/index.ts';
import { localDay } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { type CapabilityModule, claimsIntent, type InboxTarget, inboxKeys } from '../capability.ts';
import { createParseDeadline } from './bot/deadline-text.ts';
import { cardDetails, cardKeyboard, cardText } from './bot/task-card.ts';
import { createTasksBotFeature, TASKS_LOCALES_DIR } from './bot/tasks-feature.ts';
import { DEADLINE_QUEUE, DEADLINE_QUEUE_NAME, type DeadlineJob } from './deadline-schedule.ts';
import { createDeadlineHandler } from './deadline-worker.ts';
import { createCategoryRoutes, createCourseRoutes } from './http/course-routes.ts';
import { createTaskRoutes } from './http/task-routes.ts';
import { createTaskService } from './task-service.ts';
import type { TaskService } from './task-types.ts';

export { DEADLINE_QUEUE_NAME } from './deadline-schedule.ts';
export type * from './task-types.ts';

/** "24 h" / "30 min" / "2 days" before a deadline, in the user's language. */
function leftText(t: Translate, minutes: number) {
  if (minutes % 1440 === 0 && minutes >= 2880) return t('tasks-left-days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t('tasks-left-hours', { n: minutes / 60 });
  return t('tasks-left-minutes', { n: minutes });
}

/**
 * What the smart inbox files as a task: lines the parser (or the model) reads as one. A day said
 * without a time ("call the bank today") is due by the end of that day, not at the parser's
 * 09:00 default: said at noon, 09:00 would be overdue the moment it is saved.
 */
function taskTarget(service: TaskService, users: Pick<UserService, 'getById'>): InboxTarget {
  return {
    kind: 'task',
    order: 10,
    ...inboxKeys('tasks'),
    claim: claimsIntent('task'),
    save: async (userId, c, tx) => {
      let dueAt = c.dueAt ? new Date(c.dueAt) : null;
      if (dueAt && c.allDay) {
        const timezone = (await users.getById(userId, { tx }))?.timezone ?? 'UTC';
        // 23:59 local, the time the date picker offers for "by the end of the day".
        dueAt = new Date(localDay(timezone, dueAt).to.getTime() - 60_000);
      }
      return service.create(
        userId,
        { title: c.title, dueAt, priority: c.priority, category: c.category, course: c.course },
        { tx },
      );
    },
  };
}

/** Tasks and study: tasks, categories, courses with topics, deadline notifications. */
export const tasksModule: CapabilityModule<Record<string, never>, TaskService> = {
  name: 'tasks',
  provides: 'tasks',
  queues: [DEADLINE_QUEUE],
  create(deps) {
    const service = createTaskService({
      db: deps.db,
      jobs: deps.jobs,
      users: deps.users,
      now: deps.now,
      activity: deps.activity,
    });
    const parseDeadline = createParseDeadline(parseText);
    const i18n = createI18n([TASKS_LOCALES_DIR]);
    const bot = createTasksBotFeature({ service, parseDeadline });
    return {
      service,
      routes: [
        { path: '/tasks', app: createTaskRoutes(service), access: 'user' },
        { path: '/categories', app: createCategoryRoutes(service.courses), access: 'user' },
        { path: '/courses', app: createCourseRoutes(service.courses), access: 'user' },
      ],
      bot: bot.feature,
      help: [
        { command: 'new', descriptionKey: 'tasks-cmd-new' },
        { command: 'tasks', descriptionKey: 'tasks-cmd-tasks' },
        { command: 'courses', descriptionKey: 'tasks-cmd-courses' },
      ],
      menu: [
        { id: 'tasks', labelKey: 'tasks-menu-tasks', open: bot.showTasks },
        { id: 'courses', labelKey: 'tasks-menu-courses', open: bot.showCourses },
      ],
      inboxTargets: [taskTarget(service, deps.users)],
      async startWorkers() {
        const handler = createDeadlineHandler({
          db: deps.db,
          jobs: deps.jobs,
          users: deps.users,
          notify: deps.notify,
          now: deps.now,
          logger: deps.logger,
          async render(task, offsetMinutes, user) {
            const t = (key: string, vars?: Record<string, string | number>) =>
              i18n.t(user.language, key, vars);
            const details = await cardDetails(service, task.userId, task);
            const viewer = { timezone: user.timezone, language: user.language, now: deps.now() };
            const text = `${t('tasks-deadline-soon', { left: leftText(t, offsetMinutes) })}\n\n${cardText(t, task, details, viewer)}`;
            return { text, replyMarkup: cardKeyboard(t, task) };
          },
        });
        await deps.jobs.work<DeadlineJob>(DEADLINE_QUEUE_NAME, handler, { concurrency: 4 });
      },
    };
  },
};
