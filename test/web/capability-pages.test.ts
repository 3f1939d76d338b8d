// The Mini App's page collector: capability folders' page lists merged by id, offered in the
// server's order (GET /api/v1/app) and only when this build has the page.
import { describe, expect, it } from 'vitest';
import { type CapabilityPage, collectPages, shownPages } from '../../web/src/capability-page-list.ts';

const page = (id: string) =>
  ({ id, title: { en: id, ru: id }, component: null }) as unknown as CapabilityPage;

describe('capability pages', () => {
  it("offers the server's pages in its order, skipping ids this build has no component for", () => {
    const known = collectPages({
      './capabilities/notes/index.ts': { pages: [page('notes')] },
      './capabilities/booking/index.ts': { pages: [page('desk'), page('slots')] },
    });
    const listed = [{ id: 'slots' }, { id: 'stats' }, { id: 'notes' }];
    expect(shownPages(known, listed).map((p) => p.id)).toEqual(['slots', 'notes']);
    expect(shownPages(known, [])).toEqual([]);
  });

  it('refuses one id exported by two capability folders', () => {
    expect(() =>
      collectPages({
        './capabilities/a/index.ts': { pages: [page('notes')] },
        './capabilities/b/index.ts': { pages: [page('notes')] },
      }),
    ).toThrow('"notes" is exported twice (./capabilities/b/index.ts)');
  });
});
