import type { Capability, CapabilityModule } from '../capability.ts';
import { createDraftStore } from './draft-store.ts';
import { createInboxFeature } from './inbox-feature.ts';

/**
 * Smart inbox (SPEC 2.7): free text → what it is → one card to confirm. It files into whatever
 * inbox targets the other capabilities contribute (the registry the platform assembles).
 */
export const smartInboxModule: CapabilityModule<Record<string, never>, undefined> = {
  name: 'smart-inbox',
  create(deps): Capability {
    const drafts = createDraftStore(deps.db);
    return {
      bot: createInboxFeature({ db: deps.db, drafts, targets: deps.inboxTargets, ai: deps.ai }),
    };
  },
};
