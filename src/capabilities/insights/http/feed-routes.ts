import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import {
  bearerSecurity,
  jsonContent,
  pageOf,
  problemResponse,
} from '../../../platform/http/openapi-parts.ts';
import { safeDateTime, spanAtMost } from '../../../platform/http/safe-input.ts';
import type { User } from '../../../platform/users/user-service.ts';
import { type CalendarItem, MAX_CALENDAR_DAYS } from '../calendar/calendar-items.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { ExportService } from '../export/export-service.ts';

const tags = ['calendar'];
const FeedUrl = z
  .object({ url: z.url().openapi({ description: 'The private .ics address' }) })
  .openapi('CalendarFeed');
const unauthorized = { 401: problemResponse('Not signed in') };
const CalendarItemSchema = z
  .object({
    kind: z.enum(['task', 'reminder', 'booking']).openapi({ description: 'What opens when it is tapped' }),
    id: z.string().openapi({ description: 'The task, reminder or booking id' }),
    title: z.string(),
    start: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }).optional(),
    status: z.string().openapi({ description: 'task: todo/in_progress/done; reminder: scheduled/snoozed' }),
    role: z.enum(['client', 'specialist']).optional().openapi({ description: 'A booking: your part in it' }),
    location: z.string().optional(),
  })
  .openapi('CalendarItem');

const routes = {
  get: createRoute({
    method: 'get',
    operationId: 'getCalendarFeedUrl',
    path: '/',
    tags,
    security: bearerSecurity,
    summary: 'The private calendar feed URL (made on first use)',
    responses: { 200: { description: 'Feed URL', ...jsonContent(FeedUrl) }, ...unauthorized },
  }),
  reset: createRoute({
    method: 'post',
    operationId: 'resetCalendarFeedUrl',
    path: '/reset',
    tags,
    security: bearerSecurity,
    summary: 'A new feed URL; the old one answers 404 from now on',
    responses: { 200: { description: 'New feed URL', ...jsonContent(FeedUrl) }, ...unauthorized },
  }),
  items: createRoute({
    method: 'get',
    operationId: 'listCalendarItems',
    path: '/items',
    tags,
    security: bearerSecurity,
    summary: 'Tasks due, reminders going off (repeats expanded) and bookings in [from, to), by start',
    request: {
      query: z
        .object({
          from: safeDateTime(),
          to: safeDateTime().openapi({
            description: `After \`from\`, at most ${MAX_CALENDAR_DAYS} days later`,
          }),
        })
        .superRefine(spanAtMost(MAX_CALENDAR_DAYS)),
    },
    responses: {
      200: {
        description: 'Calendar items (the whole range: one page, `next_cursor` null)',
        ...jsonContent(pageOf(CalendarItemSchema)),
      },
      400: problemResponse(
        'from/to missing or not date-times, or `to` not after `from` (calendar_range_invalid)',
      ),
      422: problemResponse(`A range over ${MAX_CALENDAR_DAYS} days, or outside 1970–9999`),
      ...unauthorized,
    },
  }),
  feed: createRoute({
    method: 'get',
    operationId: 'getCalendarFeed',
    security: [],
    path: '/{feed}',
    tags,
    summary: 'The iCalendar feed (RFC 5545); the token in the address is the only credential',
    request: {
      params: z.object({
        feed: z.string().max(100).openapi({ description: '`<token>.ics`', example: 'Zm9v….ics' }),
      }),
    },
    responses: {
      200: {
        description: 'iCalendar',
        content: { 'text/calendar': { schema: z.string() } },
      },
      404: problemResponse('No feed at this address (reset or mistyped)'),
    },
  }),
};

const toJson = (item: CalendarItem) => ({
  kind: item.kind,
  id: item.id,
  title: item.title,
  start: item.start.toISOString(),
  ...(item.end ? { end: item.end.toISOString() } : {}),
  status: item.status,
  ...(item.role ? { role: item.role } : {}),
  ...(item.location ? { location: item.location } : {}),
});

/** `/calendar` for a signed-in user: the link and its reset, and what is on the calendar in a range. */
export function createCalendarRoutes(
  calendar: CalendarService,
  items: (user: User, from: Date, to: Date) => Promise<CalendarItem[]>,
) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(routes.items, async (c) => {
    const query = c.req.valid('query');
    const [from, to] = [new Date(query.from), new Date(query.to)];
    if (to.getTime() <= from.getTime())
      throw new DomainError('invalid', 'calendar_range_invalid', '`to` must be after `from`');
    return c.json({ items: (await items(c.get('user'), from, to)).map(toJson), next_cursor: null }, 200);
  });
  app.openapi(routes.get, async (c) => c.json({ url: await calendar.url(c.get('user').id) }, 200));
  app.openapi(routes.reset, async (c) => c.json({ url: await calendar.reset(c.get('user').id) }, 200));
  return app;
}

/** `/calendar/<token>.ics`, public: what calendar apps subscribe to. */
export function createFeedRoutes(calendar: CalendarService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(routes.feed, async (c) => {
    const { feed } = c.req.valid('param');
    const token = feed.endsWith('.ics') ? feed.slice(0, -4) : '';
    const body = await calendar.ics(token);
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="secretary.ics"',
      'cache-control': 'private, max-age=300',
    });
  });
  return app;
}

const ExportQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'json: everything; csv: tasks' }),
});

const exportRoute = createRoute({
  method: 'get',
  operationId: 'exportData',
  path: '/',
  tags: ['export'],
  security: bearerSecurity,
  summary: 'Everything the user has as JSON, or the tasks as CSV (streamed, as an attachment)',
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The export file (format: docs/export-format.md)',
      content: {
        'application/json': { schema: z.object({}).passthrough() },
        'text/csv': { schema: z.string() },
      },
    },
    400: problemResponse('Invalid input'),
    ...unauthorized,
  },
});

/** The generator's first piece is awaited before answering, so a failure there is still a problem+json. */
async function streamOf(pieces: AsyncGenerator<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await pieces.next();
  let pending: string | null = first.done ? null : first.value;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(encoder.encode(pending));
        pending = null;
        return;
      }
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

export function createExportRoutes(exporter: ExportService, now: () => Date) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(exportRoute, async (c) => {
    const { format } = c.req.valid('query');
    const userId = c.get('user').id;
    const date = now().toISOString().slice(0, 10);
    const csv = format === 'csv';
    const body = await streamOf(csv ? exporter.csv(userId) : exporter.json(userId));
    return c.body(body, 200, {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="secretary-${csv ? 'tasks' : 'export'}-${date}.${format}"`,
      'cache-control': 'private, no-store',
    });
  });
  return app;
}
