import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// The API document is the contract (issue 36), checked over what the running system serves, so a
// route added later is held to it too: every operation names itself, says who may call it and
// which problems it answers; docs/openapi.json (what web/src/api-types.ts and Redocly read) is that
// document exactly; every list answers one page shape; problems point at pages of this server.

interface Operation {
  operationId?: string;
  security?: unknown[];
  deprecated?: boolean;
  parameters?: Array<{ name: string; in: string; schema?: { maximum?: number } }>;
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** camelCase, a verb first (docs/api.md): listTasks, getTask, updateBookingService, signInWithLink. */
const OPERATION_ID =
  /^(list|get|create|update|delete|replace|move|set|start|stop|send|add|mark|sign|request|verify|preview|snooze|complete|skip|pause|resume|cancel|retry|reset|export|parse|classify|understand|apply)[A-Z][A-Za-z]*$/;

/**
 * Lists that do not answer `{ items, next_cursor }` yet, each with why. The set must shrink, never
 * grow: a list added to the API answers the page shape from the start.
 */
const LIST_SHAPE_DEVIATIONS: Record<string, string> = {
  'GET /api/v1/categories': 'a bare array (0.1.0 clients read it): {items, next_cursor} in the next release',
  'GET /api/v1/courses': 'a bare array (0.1.0 clients read it): {items, next_cursor} in the next release',
  'GET /api/v1/courses/{id}/topics': 'a bare array (0.1.0 clients read it): next release',
  'GET /api/v1/booking/locations': '{locations}: booking was being reworked in the same session',
  'GET /api/v1/booking/services': '{services}: booking was being reworked in the same session',
  'GET /api/v1/booking/specialists': '{specialists}: booking was being reworked in the same session',
  'GET /api/v1/booking/specialists/{id}/exceptions': '{exceptions}: booking was being reworked',
  'GET /api/v1/booking/ad-templates': '{templates}: booking was being reworked in the same session',
  'GET /api/v1/booking/slots': '{slots}: free times of a bounded window, not a stored collection',
  'GET /api/v1/booking/bookings': '{bookings}: booking was being reworked in the same session',
  'GET /api/v1/notes/pendings': '{items}, the 50 newest, no cursor yet: notes was being reworked',
  'GET /api/v1/notes': '{items} without next_cursor (limit ≤ 200): notes was being reworked',
  'GET /api/v1/admin/broadcasts': '{items} without next_cursor: companion was being reworked',
  'GET /api/v1/admin/companion/decisions': '{items} without next_cursor: companion was being reworked',
  'GET /api/v1/admin/companion/recommendations': '{items} without next_cursor: companion was being reworked',
  'GET /api/v1/admin/queues/{queue}/dead': '{items}, newest `limit` only: the queue admin has no cursor yet',
};
/** Objects that hold an array but are one thing, not a list of things. */
const NOT_LISTS = new Set([
  'GET /api/v1/settings', // the settings object (key → value rows)
  'GET /api/v1/tasks/settings', // deadline offsets: one settings object
  'GET /api/v1/booking/notification-settings', // the notification matrix: one settings object
  'GET /api/v1/booking/specialists/{id}/services', // which services one specialist offers
  'GET /api/v1/booking/specialists/{id}/hours', // one specialist's week at a location
  'GET /api/v1/admin/companion/engagement', // a fixed report of the last N weeks
  'GET /api/v1/app', // the Mini App's manifest of pages
]);

let t: TestSystem;
let doc: Document;
beforeAll(async () => {
  t = await startTestSystem();
  doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as Document;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      name: `${m.toUpperCase()} ${path}`,
      op: item[m] as Operation,
    })),
  );
const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema;

describe('/openapi.json as a contract', () => {
  it('every operation has a unique verb+noun operationId, explicit security and a 4xx answer', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(({ op }) => !OPERATION_ID.test(op.operationId ?? '')).map((o) => o.name)).toEqual([]);
    const ids = all.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(all.filter(({ op }) => !Array.isArray(op.security)).map((o) => o.name)).toEqual([]);
    const without4xx = all.filter(({ op }) => !Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)));
    expect(without4xx.map((o) => o.name)).toEqual([]);
    // A bearer route documents what its guard answers.
    const bearer = all.filter(({ op }) => JSON.stringify(op.security).includes('bearer'));
    expect(
      bearer.filter(({ op }) => !op.responses['401'] || !op.responses['429']).map((o) => o.name),
    ).toEqual([]);
  });

  it('docs/openapi.json is exactly the served document (else: npm run api:snapshot && npm run api:types)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(doc);
  });

  it('every list answers { items, next_cursor } with a bounded limit, but for the listed deviations', () => {
    const lists = operations().filter(({ name, op }) => {
      if (!name.startsWith('GET ') || NOT_LISTS.has(name)) return false;
      const schema = resolve(op.responses['200']?.content?.['application/json']?.schema);
      if (!schema) return false;
      if (schema.type === 'array') return true;
      const props = Object.entries(schema.properties ?? {});
      const arrays = props.filter(([, p]) => resolve(p)?.type === 'array');
      return arrays.some(([key]) => key === 'items') || (arrays.length === 1 && props.length <= 3);
    });
    expect(lists.length).toBeGreaterThan(20);
    const deviating = lists.filter(({ op }) => {
      const props = resolve(op.responses['200']?.content?.['application/json']?.schema)?.properties ?? {};
      const limit = op.parameters?.find((p) => p.in === 'query' && p.name === 'limit');
      return !props.items || !props.next_cursor || (limit !== undefined && !limit.schema?.maximum);
    });
    expect(deviating.map((o) => o.name).sort()).toEqual(Object.keys(LIST_SHAPE_DEVIATIONS).sort());
  });

  it('the old note move path works and is marked deprecated; PATCH /notes/{id} moves', () => {
    expect(doc.paths['/api/v1/notes/{id}/move']?.post?.deprecated).toBe(true);
    expect(doc.paths['/api/v1/notes/{id}']?.patch?.operationId).toBe('moveNote');
  });

  it("a problem's type is a page of this server that explains its code", async () => {
    const res = await fetch(`${t.url}/api/v1/tasks`);
    expect(res.status).toBe(401);
    const problem = (await res.json()) as { type: string; code: string };
    expect(problem.type).toBe(`/problems/${problem.code}`);
    const page = await fetch(new URL(problem.type, t.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = await page.text();
    expect(text).toContain(problem.code);
    expect(text).toContain('Authorization: Bearer');
    expect((await fetch(`${t.url}/problems/Not%20a%20code`)).status).toBe(404);
  });

  it('the document says its license and contact', () => {
    const info = (doc as unknown as { info: { license?: { name: string }; contact?: { url: string } } }).info;
    expect(info.license?.name).toBe('MIT');
    expect(info.contact?.url).toBeTruthy();
  });
});
