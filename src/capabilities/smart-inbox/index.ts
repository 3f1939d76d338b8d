import type { Capability, CapabilityModule } from '../capability.ts';
import { createDraftStore } from './draft-store.ts';
import { createInboxFeature } from './inbox-feature.ts';

const PRUNE_QUEUE = 'smart-inbox.prune';
/** A card nobody answered for this long is forgotten (with the text typed into it). */
const DRAFT_DAYS = 14;

/**
 * Smart inbox (SPEC 2.7): free text → what it is → one card to confirm. It files into whatever
 * inbox targets the other capabilities contribute (the registry the platform assembles).
 */
export const smartInboxModule: CapabilityModule<Record<string, never>, undefined> = {
  name: 'smart-inbox',
  queues: [{ name: PRUNE_QUEUE, retryLimit: 2, expireInSeconds: 600 }],
  create(deps): Capability {
    const drafts = createDraftStore(deps.db);
    return {
      bot: createInboxFeature({ db: deps.db, drafts, targets: deps.inboxTargets, ai: deps.ai }),
      async startWorkers() {
        await deps.jobs.work(PRUNE_QUEUE, async () => ({
          pruned: await drafts.pruneUntouchedSince(new Date(deps.now().getTime() - DRAFT_DAYS * 86_400_000)),
        }));
        await deps.jobs.schedule(PRUNE_QUEUE, '37 3 * * *', {});
      },
    };
  },
};
