import { type CapabilityPages, collectPages } from './capability-page-list.ts';

/** The pages of every `capabilities/<name>/index.ts` in this build (eager: the index files are tiny). */
export const CAPABILITY_PAGES = collectPages(
  import.meta.glob<CapabilityPages>('./capabilities/*/index.ts', { eager: true }),
);
