// The insights capability's REST call (src/capabilities/insights/http/stats-routes.ts).
import type { Api } from '../../api.ts';
import type { components } from '../../api-types.ts';

export const PERIODS = ['week', 'last-week', 'month', 'last-month'] as const;
export type StatsPeriod = (typeof PERIODS)[number];

/** GET /stats: the API document's `Figures` (web/src/api-types.ts), so a changed figure fails the typecheck. */
export type Figures = components['schemas']['Figures'];

export const statsApi = (api: Api) => ({
  figures: (period: StatsPeriod) => api.request<Figures>('GET', `/stats?period=${period}`),
});
