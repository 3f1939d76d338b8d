// The pattern that makes a page part of its capability: `capabilities/<name>/index.ts` exports
// `pages` (tiny: ids, titles and lazy components), the server's GET /api/v1/app says which of
// them this user may open. No React or Vite here, so the logic is unit-tested on its own.
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Language } from './api.ts';

/** One page a capability contributes to the Mini App, at /app/<id>. */
export interface CapabilityPage {
  /** The id the capability declares on the server (`miniApp.pages`). */
  id: string;
  title: Record<Language, string>;
  /** `lazy(() => import('./…-page.tsx'))`: the page's code loads when it is opened. */
  component: LazyExoticComponent<ComponentType>;
}

/** What a capability's `index.ts` exports. */
export interface CapabilityPages {
  pages: readonly CapabilityPage[];
}

/** Every capability folder's pages by id; an id used twice is a build mistake worth a loud error. */
export function collectPages(modules: Record<string, CapabilityPages>): Map<string, CapabilityPage> {
  const byId = new Map<string, CapabilityPage>();
  for (const [file, module] of Object.entries(modules))
    for (const page of module.pages) {
      if (byId.has(page.id)) throw new Error(`Mini App page "${page.id}" is exported twice (${file})`);
      byId.set(page.id, page);
    }
  return byId;
}

/** The pages to offer: those the server listed (its order), that this build has components for. */
export function shownPages(
  known: ReadonlyMap<string, CapabilityPage>,
  listed: ReadonlyArray<{ id: string }>,
) {
  return listed.flatMap((p) => {
    const page = known.get(p.id);
    return page ? [page] : [];
  });
}
