import type { CapabilityModule } from '../capability.ts';
import { createDraftStore } from './draft-store.ts';
import { createInboxFeature } from './inbox-feature.ts';
import { createInboxTargets, type ReminderCreator, type TaskCreator } from './inbox-targets.ts';

/** Smart inbox (SPEC 2.7): free text → what it is → one card to confirm. Needs the tasks and reminders services. */
export const inboxModule: CapabilityModule<{ tasks: TaskCreator; reminders: ReminderCreator }> = {
  name: 'inbox',
  queues: [],
  create(deps, services) {
    const drafts = createDraftStore(deps.db);
    return {
      name: 'inbox',
      bot: createInboxFeature({ db: deps.db, drafts, targets: createInboxTargets(services), ai: deps.ai }),
    };
  },
};
