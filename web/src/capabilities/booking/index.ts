import { lazy } from 'react';
import type { CapabilityPage } from '../../capability-page-list.ts';

/** The booking capability's pages (declared on the server in src/capabilities/booking/index.ts). */
export const pages: readonly CapabilityPage[] = [
  { id: 'book', title: { en: 'Book', ru: 'Запись' }, component: lazy(() => import('./book-page.tsx')) },
  {
    id: 'schedule',
    title: { en: 'My schedule', ru: 'Моё расписание' },
    component: lazy(() => import('./schedule-page.tsx')),
  },
  {
    id: 'salon',
    title: { en: 'Bookings', ru: 'Записи салона' },
    component: lazy(() => import('./salon-page.tsx')),
  },
];
