import { useEffect, useState } from 'react';
import { CAPABILITY_PAGES } from './capability-pages.ts';

export const PAGES = ['today', 'tasks', 'reminders', 'settings', 'calendar'] as const;
/** Pages with a tab of their own; the rest open from the More menu (the tab bar fits 360 px). */
export const TAB_PAGES = ['today', 'tasks', 'reminders', 'settings'] as const satisfies readonly UserPage[];
/** Admin pages live under /app/admin/…; the tab bar shows them to admins only. */
export const ADMIN_PAGES = ['queues', 'users', 'audit', 'broadcasts', 'notifications', 'companion'] as const;
export type UserPage = (typeof PAGES)[number];
export type AdminPage = (typeof ADMIN_PAGES)[number];
/** A capability's page (web/src/capabilities/<name>/), at /app/<id>. */
export type CapabilityPageId = string & { readonly capabilityPage: true };
export type Page = UserPage | `admin/${AdminPage}` | CapabilityPageId;

const BASE = '/app/';

export const isAdminPage = (page: Page): page is `admin/${AdminPage}` => page.startsWith('admin/');
export const isCapabilityPage = (page: Page): page is CapabilityPageId => CAPABILITY_PAGES.has(page);

function current(): Page {
  const name = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '';
  if ((PAGES as readonly string[]).includes(name)) return name as Page;
  if (name.startsWith('admin/') && (ADMIN_PAGES as readonly string[]).includes(name.slice('admin/'.length)))
    return name as Page;
  if (CAPABILITY_PAGES.has(name)) return name as CapabilityPageId;
  return 'today';
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
