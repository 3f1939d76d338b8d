import type { Tx } from '../../platform/db/database.ts';
import type { Draft } from './draft-store.ts';

/** Where a confirmed card goes: the tasks or reminders service, seen through the smallest interface. */
export interface InboxTargets {
  save(userId: string, draft: Draft, tx: Tx): Promise<{ id: string }>;
}

export interface TaskCreator {
  create(
    userId: string,
    input: {
      title: string;
      dueAt: Date | null;
      priority: 'low' | 'normal' | 'high' | 'urgent';
      category: string | null;
      course: string | null;
    },
    options?: { tx?: Tx },
  ): Promise<{ id: string }>;
}

export interface ReminderCreator {
  create(
    userId: string,
    input: { text: string; dueAt: Date | null; rrule: string | null; urgent?: boolean },
    options?: { tx?: Tx },
  ): Promise<{ id: string }>;
}

export function createInboxTargets(services: {
  tasks: TaskCreator;
  reminders: ReminderCreator;
}): InboxTargets {
  return {
    async save(userId, draft, tx) {
      const p = draft.parsed;
      if (draft.kind === 'task') {
        return services.tasks.create(
          userId,
          {
            title: p.title,
            dueAt: p.dueAt ? new Date(p.dueAt) : null,
            priority: p.priority,
            category: p.category,
            course: p.course,
          },
          { tx },
        );
      }
      if (!p.dueAt) throw new Error('a reminder needs a time');
      return services.reminders.create(
        userId,
        { text: p.title, dueAt: new Date(p.dueAt), rrule: p.rrule, urgent: p.priority === 'urgent' },
        { tx },
      );
    },
  };
}
