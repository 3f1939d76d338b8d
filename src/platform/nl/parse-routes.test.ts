import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import { errorToProblem } from '../http/problem.ts';
import { createLogger } from '../observability/logger.ts';
import type { User } from '../users/user-service.ts';
import { createParseRoutes } from './parse-routes.ts';

// Monday 23 November 2026, 10:00 in Moscow.
const CLOCK = new Date('2026-11-23T07:00:00Z');

function appFor(timezone: string) {
  const user = { id: 'u1', language: 'ru', timezone } as User;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(async (c, next) => {
    c.set('user', user);
    await next();
  });
  app.onError((error, c) => errorToProblem(error, c, createLogger({ level: 'silent', pretty: false })));
  app.route('/api/v1', createParseRoutes({ now: () => CLOCK }));
  return app;
}

const post = (body: unknown, timezone = 'Europe/Moscow') =>
  appFor(timezone).request('/api/v1/parse', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /parse', () => {
  it("reads the text in the user's timezone by the server clock", async () => {
    const res = await post({ text: 'Сдать эссе по истории в пятницу 18:00 !high #учёба' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      intent: 'task',
      title: 'Сдать эссе по истории',
      due_at: '2026-11-27T18:00:00+03:00',
      all_day: false,
      rrule: null,
      priority: 'high',
      category: 'учёба',
      course: 'история',
      language: 'ru',
      timezone: 'Europe/Moscow',
    });
  });

  it('takes another timezone and now from the body, and answers with that offset', async () => {
    const res = await post({
      text: 'every weekday at 8:30 stand-up',
      timezone: 'America/New_York',
      now: '2026-03-07T20:00:00-05:00',
    });
    expect(await res.json()).toMatchObject({
      intent: 'reminder',
      title: 'Stand-up',
      due_at: '2026-03-09T08:30:00-04:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
      timezone: 'America/New_York',
      language: 'en',
    });
  });

  it('answers null due_at for text without a date', async () => {
    const res = await post({ text: 'привет, как дела?' });
    expect(await res.json()).toMatchObject({ intent: 'unknown', due_at: null, all_day: false, rrule: null });
  });

  it.each([
    [{ text: 'купить хлеб', timezone: 'Mars/Olympus' }, 'timezone'],
    [{ text: 'купить хлеб', now: 'tomorrow-ish' }, 'now'],
    [{ text: 'купить хлеб', now: '2026-11-23T10:00:00' }, 'now'],
    [{ text: '' }, 'text'],
    [{ text: 'x'.repeat(1001) }, 'text'],
    [{}, 'text'],
  ])('rejects %j with a problem+json 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(problem.detail).toContain(field);
  });

  it('turns a broken stored timezone into a 400, not a 500', async () => {
    const res = await post({ text: 'купить хлеб' }, 'Not/AZone');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'validation_failed' });
  });
});
