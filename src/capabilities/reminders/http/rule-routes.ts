import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TranslateIn } from '../../../bot/i18n.ts';
import { describeRecurrence } from '../../../bot/recurrence-words.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/openapi-hook.ts';
import { bearerSecurity, jsonContent, problemResponse } from '../../../platform/http/openapi-parts.ts';
import { safeText } from '../../../platform/http/safe-input.ts';
import type { ParsedText, ParseOptions } from '../../../platform/nl/parsed-text.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import { normalizeRrule, occurrenceAfter, type Series } from '../reminder-schedule.ts';
import type { ReminderService } from '../reminder-types.ts';
import { reminderSchema, toReminderJson } from './reminder-schemas.ts';

export interface RuleRoutesDeps {
  reminders: ReminderService;
  /** The bot's own reader of free text: a rule typed in the Mini App means what it means in the chat. */
  parse: (text: string, options: ParseOptions) => ParsedText;
  t: TranslateIn;
  now: () => Date;
}

const tags = ['reminders'];
const security = bearerSecurity;
const params = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const ruleText = z
  .object({ text: safeText({ min: 1, max: 500 }).openapi({ example: 'every Monday at 10' }) })
  .openapi('RuleText');
const rulePreviewSchema = z
  .object({
    rule: z.string().openapi({ description: "The rule in the user's words", example: 'every Mon at 10:00' }),
    rrule: z.string().nullable().openapi({ description: 'null for a one-off' }),
    due_at: z.string().openapi({ description: 'The first occurrence' }),
    next: z.array(z.string()).openapi({ description: 'The next (up to) 3 occurrences, ISO 8601' }),
  })
  .openapi('ReminderRulePreview');
const notUnderstood = problemResponse(
  'No time or repetition in the text (rule_not_understood), or a time of day that cannot be (rule_time_invalid)',
);

const preview = createRoute({
  method: 'post',
  operationId: 'previewReminderRule',
  path: '/rule-preview',
  tags,
  security,
  summary: "How a rule typed in words is understood, and its next 3 times in the user's timezone",
  request: { body: { required: true, ...jsonContent(ruleText) } },
  responses: {
    200: { description: 'Understood', ...jsonContent(rulePreviewSchema) },
    400: problemResponse('Invalid body'),
    422: notUnderstood,
  },
});

const current = createRoute({
  method: 'get',
  operationId: 'getReminderRule',
  path: '/{id}/rule',
  tags,
  security,
  summary: "A reminder's rule in words (what the edit box starts from) and its next 3 times",
  request: { params },
  responses: {
    200: { description: 'The rule', ...jsonContent(rulePreviewSchema) },
    404: problemResponse('No such reminder of yours'),
  },
});

const replace = createRoute({
  method: 'put',
  operationId: 'updateReminderRule',
  path: '/{id}/rule',
  tags,
  security,
  summary: "Change a reminder's rule from words ('every weekday at 8:30'); nothing changes unless understood",
  request: { params, body: { required: true, ...jsonContent(ruleText) } },
  responses: {
    200: { description: 'Updated', ...jsonContent(reminderSchema) },
    400: problemResponse('Invalid body or a time in the past'),
    404: problemResponse('No such reminder of yours'),
    422: notUnderstood,
  },
});

interface Viewer {
  timezone: string;
  language: string;
}

/** The next `count` occurrences of a series from its start on (a one-off has one). */
function nextTimes(series: Series, from: Date, count = 3): Date[] {
  const times: Date[] = [];
  let cursor = occurrenceAfter(series, from, true);
  while (cursor && times.length < count) {
    times.push(cursor);
    cursor = occurrenceAfter(series, cursor);
  }
  return times;
}

/** /api/v1/reminders/rule-preview and /{id}/rule: a reminder's rule read from and shown in words. */
export function createRuleRoutes(deps: RuleRoutesDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const words = (series: Series, viewer: Viewer) => {
    const t = (key: string, vars?: Record<string, string | number>) => deps.t(viewer.language, key, vars);
    if (series.rrule)
      return describeRecurrence(t, series.rrule, {
        at: series.startsAt,
        timezone: series.timezone,
        language: viewer.language,
      });
    const when = formatWhen(series.startsAt, { ...viewer, now: deps.now() });
    return t('reminders-rule-once', { when });
  };

  const toPreview = (series: Series, viewer: Viewer, from: Date) => ({
    rule: words(series, viewer),
    rrule: series.rrule,
    due_at: series.startsAt.toISOString(),
    next: nextTimes(series, from).map((d) => d.toISOString()),
  });

  /** Reads the text as the bot would; a text with neither a time nor a repetition (or "at 25:00") is a 422. */
  const read = (text: string, viewer: Viewer): Series => {
    const parsed = deps.parse(text, {
      timezone: viewer.timezone,
      now: deps.now(),
      language: viewer.language === 'ru' ? 'ru' : 'en',
    });
    // "at 25:00" is read as no time at all: saying so beats quietly using 09:00.
    if (parsed.invalidTime)
      throw new DomainError(
        'unprocessable',
        'rule_time_invalid',
        deps.t(viewer.language, 'reminders-rule-bad-time', { time: parsed.invalidTime }),
        { time: parsed.invalidTime },
      );
    if (!parsed.dueAt)
      throw new DomainError(
        'unprocessable',
        'rule_not_understood',
        deps.t(viewer.language, 'reminders-rule-not-understood', { text }),
      );
    return {
      rrule: parsed.rrule ? normalizeRrule(parsed.rrule) : null,
      startsAt: parsed.dueAt,
      timezone: viewer.timezone,
    };
  };

  app.openapi(preview, (c) => {
    const user = c.get('user');
    const series = read(c.req.valid('json').text, user);
    return c.json(toPreview(series, user, deps.now()), 200);
  });
  app.openapi(current, async (c) => {
    const user = c.get('user');
    const r = await deps.reminders.get(user.id, c.req.valid('param').id);
    const series = { rrule: r.rrule, startsAt: r.startsAt, timezone: r.timezone };
    return c.json(toPreview(series, user, r.rrule ? deps.now() : r.startsAt), 200);
  });
  app.openapi(replace, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    // Another person's reminder is a 404 whatever the text says.
    await deps.reminders.get(user.id, id);
    const series = read(c.req.valid('json').text, user);
    const updated = await deps.reminders.update(user.id, id, {
      rrule: series.rrule,
      dueAt: series.startsAt,
      timezone: series.timezone,
    });
    return c.json(toReminderJson(updated), 200);
  });
  return app;
}
