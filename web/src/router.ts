import { useEffect, useState } from 'react';

export const PAGES = ['today', 'tasks', 'reminders', 'settings'] as const;
export type Page = (typeof PAGES)[number];

const BASE = '/app/';

function current(): Page {
  const name = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '';
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'today';
}

/** Client routing inside /app/: one path per page, the browser's history for back. */
export function usePage(): [Page, (page: Page) => void] {
  const [page, setPage] = useState<Page>(current);
  useEffect(() => {
    const onPop = () => setPage(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: Page) => {
    if (next === page) return;
    window.history.pushState(null, '', next === 'today' ? BASE : `${BASE}${next}`);
    setPage(next);
  };
  return [page, go];
}
