import { describe, expect, it } from 'vitest';
import { collectMiniAppPages, pagesFor } from './mini-app-pages.ts';

const roles = new Set(['user', 'admin']);

describe('collectMiniAppPages', () => {
  it('orders pages by `order`, keeping declaration order for ties, and filters them by role', () => {
    const pages = collectMiniAppPages(
      [
        { capability: 'notes', pages: [{ id: 'notes' }] },
        { capability: 'ops', pages: [{ id: 'jobs', role: 'admin', order: 5 }, { id: 'board' }] },
      ],
      roles,
    );
    expect(pages.map((p) => p.id)).toEqual(['jobs', 'notes', 'board']);
    expect(pagesFor(pages, ['user'])).toEqual([
      { id: 'notes', capability: 'notes' },
      { id: 'board', capability: 'ops' },
    ]);
    expect(pagesFor(pages, ['user', 'admin'])[0]).toEqual({ id: 'jobs', capability: 'ops' });
  });

  it("refuses a page id used twice, a bad id, a role nobody declares and a built-in page's path", () => {
    expect(() =>
      collectMiniAppPages(
        [
          { capability: 'a', pages: [{ id: 'notes' }] },
          { capability: 'b', pages: [{ id: 'notes' }] },
        ],
        roles,
      ),
    ).toThrow('"notes" is declared by both a and b');
    expect(() => collectMiniAppPages([{ capability: 'a', pages: [{ id: 'My Page' }] }], roles)).toThrow(
      'not kebab-case',
    );
    expect(() =>
      collectMiniAppPages([{ capability: 'a', pages: [{ id: 'desk', role: 'specialist' }] }], roles),
    ).toThrow('role "specialist", which no capability declares');
    expect(() => collectMiniAppPages([{ capability: 'a', pages: [{ id: 'tasks' }] }], roles)).toThrow(
      'takes the path of a built-in page',
    );
  });
});
