import { lazy } from 'react';
import type { CapabilityPage } from '../../capability-page-list.ts';

/** The companion capability's pages (declared on the server in src/capabilities/companion/index.ts). */
export const pages: readonly CapabilityPage[] = [
  {
    id: 'profile',
    title: { en: 'About you', ru: 'О вас' },
    component: lazy(() => import('./profile-page.tsx')),
  },
];
