import { localDay } from '../../platform/time/index.ts';

/** What the companion needs from tasks (its TaskService satisfies it). */
export interface TaskLister {
  listDueBetween(
    userId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ id: string; title: string; dueAt: Date | null; priority: string }>>;
}

/** What the companion needs from reminders (its ReminderService satisfies it). */
export interface ReminderLister {
  listBetween(
    userId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ text: string; at: Date; status: string }>>;
}

export const noTasks: TaskLister = { listDueBetween: async () => [] };
export const noReminders: ReminderLister = { listBetween: async () => [] };

export interface Agenda {
  tasks: Array<{ title: string; dueAt: Date | null }>;
  reminders: Array<{ text: string; at: Date }>;
}

/** Today's open tasks and coming reminders, from whichever of those capabilities this build ships. */
export interface AgendaSource {
  today(userId: string, timezone: string): Promise<Agenda>;
  /** Open tasks due within `hours` from now. */
  dueSoon(userId: string, hours: number): Promise<Agenda['tasks']>;
}

export function createAgendaSource(deps: {
  tasks: TaskLister;
  reminders: ReminderLister;
  now: () => Date;
}): AgendaSource {
  return {
    async today(userId, timezone) {
      const now = deps.now();
      const { to: end } = localDay(timezone, now);
      const [tasks, reminders] = await Promise.all([
        deps.tasks.listDueBetween(userId, new Date(now.getTime() - 7 * 86_400_000), end),
        deps.reminders.listBetween(userId, now, end),
      ]);
      return {
        tasks: tasks.slice(0, 5).map((t) => ({ title: t.title, dueAt: t.dueAt })),
        reminders: reminders
          .filter((r) => r.status === 'scheduled' || r.status === 'pending')
          .slice(0, 5)
          .map((r) => ({ text: r.text, at: r.at })),
      };
    },
    async dueSoon(userId, hours) {
      const now = deps.now();
      const tasks = await deps.tasks.listDueBetween(userId, now, new Date(now.getTime() + hours * 3_600_000));
      return tasks.map((t) => ({ title: t.title, dueAt: t.dueAt }));
    },
  };
}
