/** A Mini App page a capability contributes; the web app has its component under the same id. */
export interface MiniAppPage {
  /** kebab-case, unique across capabilities; the page lives at `/app/<id>`. */
  id: string;
  /** Shown only to users holding this role (any signed-in user when absent). */
  role?: string;
  /** Position among the capability pages (lower first; then declaration order). */
  order?: number;
}

/** A declared page with the capability that declared it. */
export interface DeclaredPage extends MiniAppPage {
  capability: string;
}

const PAGE_ID = /^[a-z][a-z0-9-]{0,31}$/;
/** The Mini App's own paths (web/src/router.ts): a capability page there could never be opened. */
const BUILT_IN = new Set(['today', 'tasks', 'reminders', 'settings', 'calendar', 'admin', 'assets']);

/** Every enabled capability's pages in order; rejects a bad id, an id used twice or an unknown role. */
export function collectMiniAppPages(
  contributed: ReadonlyArray<{ capability: string; pages: readonly MiniAppPage[] }>,
  roleNames: ReadonlySet<string>,
): DeclaredPage[] {
  const seen = new Map<string, string>();
  const all: DeclaredPage[] = [];
  for (const { capability, pages } of contributed)
    for (const page of pages) {
      if (!PAGE_ID.test(page.id))
        throw new Error(`Mini App page "${page.id}" (${capability}) is not kebab-case`);
      if (BUILT_IN.has(page.id))
        throw new Error(`Mini App page "${page.id}" (${capability}) takes the path of a built-in page`);
      const other = seen.get(page.id);
      if (other) throw new Error(`Mini App page "${page.id}" is declared by both ${other} and ${capability}`);
      if (page.role && !roleNames.has(page.role))
        throw new Error(
          `${capability} shows page "${page.id}" to role "${page.role}", which no capability declares`,
        );
      seen.set(page.id, capability);
      all.push({ ...page, capability });
    }
  // A stable sort: equal orders keep the capabilities' declared order.
  return all.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** The pages a user holding `roles` may open. */
export const pagesFor = (pages: readonly DeclaredPage[], roles: readonly string[]) =>
  pages.filter((p) => !p.role || roles.includes(p.role)).map((p) => ({ id: p.id, capability: p.capability }));
