import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { bearerSecurity, jsonContent, problemResponse } from '../../../platform/http/openapi-parts.ts';
import { safeDay, spanAtMost } from '../../../platform/http/safe-input.ts';
import { chartPng } from '../chart.ts';
import type { InsightsService } from '../insights-service.ts';
import type { ChartLabelsFor } from '../insights-texts.ts';
import { MAX_PERIOD_DAYS } from '../period.ts';
import { FiguresSchema } from './stats-schemas.ts';

const StatsQuery = z
  .object({
    period: z.enum(['week', 'last-week', 'month', 'last-month', 'custom']).default('week'),
    from: safeDay().optional().openapi({ description: 'First local date (custom period)' }),
    to: safeDay()
      .optional()
      .openapi({
        description: `Last local date, inclusive (custom period, at most ${MAX_PERIOD_DAYS} days)`,
      }),
  })
  .superRefine(spanAtMost(MAX_PERIOD_DAYS));
const errors = {
  400: problemResponse('Invalid input'),
  401: problemResponse('Not signed in'),
  422: problemResponse('A date that does not exist, or a period over a year'),
};
const tags = ['stats'];

const routes = {
  figures: createRoute({
    method: 'get',
    operationId: 'getStats',
    path: '/',
    tags,
    security: bearerSecurity,
    summary: "The figures of a period in the user's timezone",
    request: { query: StatsQuery },
    responses: { 200: { description: 'Figures', ...jsonContent(FiguresSchema) }, ...errors },
  }),
  chart: createRoute({
    method: 'get',
    operationId: 'getStatsChart',
    path: '/chart.png',
    tags,
    security: bearerSecurity,
    summary: 'The figures as a PNG chart (completions per day, productive hours, courses)',
    request: { query: StatsQuery },
    responses: {
      200: {
        description: 'PNG image',
        content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errors,
    },
  }),
};

const custom = (q: { period: string; from?: string; to?: string }) =>
  q.period === 'custom' ? { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) } : undefined;

export function createStatsRoutes(service: InsightsService, labels: ChartLabelsFor) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(routes.figures, async (c) => {
    const q = c.req.valid('query');
    return c.json(await service.figures(c.get('user').id, q.period, custom(q)), 200);
  });
  app.openapi(routes.chart, async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    const figures = await service.figures(user.id, q.period, custom(q));
    const png = chartPng(figures, labels(user.language, figures));
    return c.body(new Uint8Array(png), 200, {
      'content-type': 'image/png',
      'cache-control': 'private, no-store',
    });
  });
  return app;
}
