import { lazy } from 'react';
import type { CapabilityPage } from '../../capability-page-list.ts';

/** The insights capability's pages (declared on the server in src/capabilities/insights/index.ts). */
export const pages: readonly CapabilityPage[] = [
  {
    id: 'stats',
    title: { en: 'Stats', ru: 'Статистика' },
    component: lazy(() => import('./stats-page.tsx')),
  },
];
