import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceHarness, startServiceHarness } from './service-harness.ts';

let h: ServiceHarness;
let alice: { userId: string; headers: Record<string, string> };
let bob: { userId: string; headers: Record<string, string> };

beforeAll(async () => {
  h = await startServiceHarness(new Date('2026-03-02T10:00:00Z')); // Monday
  alice = await h.signIn(1001, 'Europe/Berlin');
  bob = await h.signIn(1002);
});
afterAll(() => h.close());

type Json = Record<string, unknown>;
async function call(method: string, path: string, who: { headers: Record<string, string> }, body?: unknown) {
  const res = await h.app.request(`/api/v1${path}`, {
    method,
    headers: who.headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (text ? JSON.parse(text) : null) as Json,
  };
}

describe('tasks API', () => {
  it('creates, reads, updates and deletes a task', async () => {
    const created = await call('POST', '/tasks', alice, {
      title: 'Essay on history',
      description: 'Five pages',
      due_at: '2026-03-06T18:00:00+01:00',
      priority: 'high',
      category: 'Study',
      course: 'History',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Essay on history',
      due_at: '2026-03-06T17:00:00.000Z',
      priority: 'high',
      status: 'todo',
      version: 1,
    });
    const id = created.body.id as string;
    expect((await call('GET', `/tasks/${id}`, alice)).body).toMatchObject({ id, description: 'Five pages' });

    const courses = await call('GET', '/courses', alice);
    expect(courses.body).toEqual([expect.objectContaining({ id: created.body.course_id, name: 'History' })]);
    const categories = await call('GET', '/categories', alice);
    expect(categories.body).toEqual([
      expect.objectContaining({ id: created.body.category_id, name: 'Study' }),
    ]);

    const patched = await call('PATCH', `/tasks/${id}`, alice, { status: 'done', version: 1 });
    expect(patched.body).toMatchObject({ status: 'done', version: 2 });
    expect(patched.body.completed_at).toBe('2026-03-02T10:00:00.000Z');
    const stale = await call('PATCH', `/tasks/${id}`, alice, { title: 'x', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('task_changed');

    expect((await call('DELETE', `/tasks/${id}`, alice)).status).toBe(204);
    expect((await call('GET', `/tasks/${id}`, alice)).status).toBe(404);
  });

  it("answers 404 for another user's ids, and changes nothing", async () => {
    const mine = await call('POST', '/tasks', alice, { title: 'Private' });
    const id = mine.body.id as string;
    for (const [method, body] of [['GET'], ['PATCH', { title: 'hacked' }], ['DELETE']] as const) {
      const res = await call(method, `/tasks/${id}`, bob, body);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
    }
    expect((await call('GET', `/tasks/${id}`, alice)).body.title).toBe('Private');
    const course = await call('POST', '/courses', alice, { name: 'Algebra', topics: ['Groups'] });
    expect((await call('GET', `/courses/${course.body.id}`, bob)).status).toBe(404);
    expect((await call('GET', `/courses/${course.body.id}/topics`, bob)).status).toBe(404);
    // Linking to a foreign course is refused the same way.
    expect((await call('POST', '/tasks', bob, { title: 'x', course_id: course.body.id })).status).toBe(404);
    const bobs = await call('GET', '/tasks', bob);
    expect(bobs.body.items).toEqual([]);
  });

  it('rejects bad input with 400 problem+json', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/tasks', { title: '' }],
      ['POST', '/tasks', { title: 'x', priority: 'asap' }],
      ['POST', '/tasks', { title: 'x', due_at: 'tomorrow' }],
      ['POST', '/tasks', { title: 'x', unknown: 1 }],
      ['POST', '/tasks', { title: '   ' }],
      ['GET', '/tasks?view=someday', undefined],
      ['GET', '/tasks/not-a-uuid', undefined],
      ['PUT', '/tasks/settings', { deadline_offsets: [0] }],
      ['POST', '/courses', { name: '' }],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(method, path, alice, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expect(res.type).toBe('application/problem+json');
    }
  });

  it('refuses well-formed but unacceptable input with 422: control characters, dates out of range, forged cursors', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/tasks', { title: 'a\u0000b' }],
      ['POST', '/tasks', { title: 'ok', description: 'bell \u0007' }],
      ['POST', '/tasks', { title: 'x', due_at: '0001-01-01T00:00:00+05:00' }],
      ['POST', '/courses', { name: 'c', topics: ['t\u0000'] }],
      ['GET', `/tasks?due_from=${encodeURIComponent('0000-01-01T00:00:00+01:00')}`, undefined],
      ['GET', '/tasks?cursor=garbage', undefined],
      ['GET', `/tasks?cursor=${forged({ k: 1e300, i: '0190a0e0-0000-7000-8000-000000000000' })}`, undefined],
      ['GET', `/tasks?cursor=${forged({ k: 1, i: '------------------------------------' })}`, undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(method, path, alice, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 422 });
      expect(res.type).toBe('application/problem+json');
    }
  });

  it('filters by view in the user timezone, by status, category and course, and pages with a cursor', async () => {
    const carol = await h.signIn(1003, 'Asia/Tokyo'); // 2026-03-02 19:00 local
    const make = (title: string, due: string | null, extra: Json = {}) =>
      call('POST', '/tasks', carol, { title, due_at: due, ...extra }).then((r) => r.body);
    const late = await make('late', '2026-03-02T09:00:00Z', { category: 'work' }); // 18:00 today: overdue + today
    const tonight = await make('tonight', '2026-03-02T14:30:00Z'); // 23:30 today
    const tomorrow = await make('tomorrow', '2026-03-02T15:30:00Z', { course: 'Math' }); // 00:30 tomorrow
    const someday = await make('someday', null);
    const done = await make('done', '2026-03-01T00:00:00Z', { status: 'done' });
    const ids = (r: { body: Json }) => (r.body.items as Json[]).map((t) => t.title);
    expect(ids(await call('GET', '/tasks?view=today', carol))).toEqual(['late', 'tonight']);
    expect(ids(await call('GET', '/tasks?view=overdue', carol))).toEqual(['late']);
    expect(ids(await call('GET', '/tasks?view=upcoming', carol))).toEqual(['tomorrow', 'someday']);
    expect(ids(await call('GET', '/tasks?view=done', carol))).toEqual(['done']);
    expect(ids(await call('GET', '/tasks?status=done,cancelled', carol))).toEqual(['done']);
    expect(ids(await call('GET', `/tasks?category_id=${late.category_id}`, carol))).toEqual(['late']);
    expect(ids(await call('GET', `/tasks?course_id=${tomorrow.course_id}`, carol))).toEqual(['tomorrow']);
    expect(
      ids(await call('GET', '/tasks?due_from=2026-03-02T10:00:00Z&due_to=2026-03-02T15:30:00Z', carol)),
    ).toEqual(['tonight']);

    // Cursor pages walk the whole list once, in a stable order, even with tasks added meanwhile.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await call('GET', `/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, carol);
      expect(page.body.total).toBeGreaterThanOrEqual(5);
      seen.push(...(page.body.items as Json[]).map((t) => t.id as string));
      cursor = page.body.next_cursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([done.id, late.id, tonight.id, tomorrow.id, someday.id]);
    const dueSoon = await h.service.listDueBetween(
      carol.userId,
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-03T00:00:00Z'),
    );
    expect(dueSoon.map((t) => t.title)).toEqual(['late', 'tonight', 'tomorrow']);
  });

  it('keeps deadline offsets per user and courses with ordered topics and progress', async () => {
    const dan = await h.signIn(1004);
    expect((await call('GET', '/tasks/settings', dan)).body).toEqual({ deadline_offsets: [1440, 60] });
    const put = await call('PUT', '/tasks/settings', dan, { deadline_offsets: [30, 120] });
    expect(put.body).toEqual({ deadline_offsets: [120, 30] });
    expect((await call('GET', '/tasks/settings', alice)).body).toEqual({ deadline_offsets: [1440, 60] });

    const course = (
      await call('POST', '/courses', dan, { name: 'Physics', topics: ['Kinematics', 'Dynamics'] })
    ).body;
    const topicsUrl = `/courses/${course.id}/topics`;
    const first = await call('POST', topicsUrl, dan, { title: 'Units', position: 0 });
    expect(first.status).toBe(201);
    const topics = (await call('GET', topicsUrl, dan)).body as unknown as Json[];
    expect(topics.map((t) => t.title)).toEqual(['Units', 'Kinematics', 'Dynamics']);
    await call('PATCH', `${topicsUrl}/${topics[1]?.id}`, dan, { status: 'learned' });
    await call('PATCH', `${topicsUrl}/${topics[2]?.id}`, dan, { position: 0 });
    const after = (await call('GET', `/courses/${course.id}`, dan)).body;
    expect((after.topics as Json[]).map((t) => t.title)).toEqual(['Dynamics', 'Units', 'Kinematics']);
    expect(after.progress).toEqual({ learned: 1, in_progress: 0, total: 3, percent: 33 });
    const task = await call('POST', '/tasks', dan, { title: 'Read', topic_id: topics[1]?.id });
    expect(task.body).toMatchObject({ course_id: course.id, topic_id: topics[1]?.id });
    expect((await call('POST', '/courses', dan, { name: 'physics' })).status).toBe(409);
    expect((await call('DELETE', `${topicsUrl}/${topics[0]?.id}`, bob)).status).toBe(404);

    const spec = (await (await h.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tasks',
        '/api/v1/tasks/{id}',
        '/api/v1/tasks/settings',
        '/api/v1/categories',
        '/api/v1/courses/{id}/topics',
      ]),
    );
  });
});
