import { lazy } from 'react';
import type { CapabilityPage } from '../../capability-page-list.ts';

/** The notes capability's pages (declared on the server in src/capabilities/notes/index.ts). */
export const pages: readonly CapabilityPage[] = [
  { id: 'notes', title: { en: 'Notes', ru: 'Заметки' }, component: lazy(() => import('./notes-page.tsx')) },
];
