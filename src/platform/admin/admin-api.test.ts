// The admin API through the whole system in process: a real job fails into its dead-letter queue,
// an admin sees it, replays it onto its queue (where it now succeeds) or deletes it; a plain user
// gets 403 and nobody without a token gets in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/support/test-system.ts';
import type { CapabilityModule } from '../../capabilities/capability.ts';

/** One queue, never retried, whose handler fails while `broken` is set and records what it ran. */
const state = { broken: true, ran: [] as number[] };
const flakyModule: CapabilityModule = {
  name: 'flaky',
  queues: [{ name: 'flaky.work', retryLimit: 0 }],
  create(deps) {
    return {
      async startWorkers() {
        await deps.jobs.work<{ n: number }>('flaky.work', async (job) => {
          if (state.broken) throw new Error(`boom ${job.data.n}: the handler is broken`);
          state.ran.push(job.data.n);
          return {};
        });
      },
    };
  },
};

let t: TestSystem;
let admin: (path: string, init?: RequestInit) => Promise<Response>;
let plain: (path: string, init?: RequestInit) => Promise<Response>;
let adminId: string;
let plainId: string;

async function signIn(name: string) {
  const user = await t.sb.user(name, { first_name: name, language_code: 'en' });
  const { init_data } = await user.webApp();
  const res = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  const { token, user: me } = (await res.json()) as { token: string; user: { id: string } };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${t.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  return { call, id: me.id, telegramId: user.id };
}

beforeAll(async () => {
  t = await startTestSystem({}, { modules: [flakyModule] });
  const a = await signIn('Ada');
  await t.system.users.grantRole(a.telegramId, 'admin', { kind: 'system' });
  admin = a.call;
  adminId = a.id;
  const p = await signIn('Pat');
  plain = p.call;
  plainId = p.id;
}, 60_000);
afterAll(() => t?.close());

type Queue = { name: string; waiting: number; active: number; failed: number; dead: number };
type DeadJob = { id: string; queue: string; payload: { n: number }; error: string | null };

const queue = async (name: string) =>
  ((await (await admin('/admin/queues')).json()) as { items: Queue[] }).items.find((q) => q.name === name);
const deadJobs = async () =>
  ((await (await admin('/admin/queues/flaky.work/dead')).json()) as { items: DeadJob[] }).items;

async function failJob(n: number) {
  await t.system.jobs.jobs.send('flaky.work', { n });
  await vi.waitFor(async () => expect((await deadJobs()).map((j) => j.payload.n)).toContain(n), {
    timeout: 20_000,
    interval: 200,
  });
}

describe('admin: job queues', () => {
  it('shows counts per queue, lists a dead job with its error, replays it onto its queue where it runs', async () => {
    await failJob(1);
    expect(await queue('flaky.work')).toMatchObject({ dead: 1, waiting: 0, active: 0 });
    // Problems first; pg-boss's internal queues are not listed.
    const names = ((await (await admin('/admin/queues')).json()) as { items: Queue[] }).items.map(
      (q) => q.name,
    );
    expect(names[0]).toBe('flaky.work');
    expect(names.filter((n) => n.startsWith('__pgboss') || n.endsWith('.dead'))).toEqual([]);
    expect((await queue('notify'))?.dead).toBe(0);
    const [job] = await deadJobs();
    expect(job).toMatchObject({ queue: 'flaky.work', payload: { n: 1 } });
    expect(job?.error).toContain('boom 1');

    state.broken = false;
    const retried = await admin(`/admin/queues/flaky.work/dead/${job?.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    await vi.waitFor(() => expect(state.ran).toEqual([1]), { timeout: 20_000, interval: 100 });
    expect(await deadJobs()).toEqual([]);
    expect((await queue('flaky.work'))?.dead).toBe(0);

    // Replayed once: the same id again is a clear 404, not a second run.
    const again = await admin(`/admin/queues/flaky.work/dead/${job?.id}/retry`, { method: 'POST' });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(((await again.json()) as { code: string }).code).toBe('dead_job_not_found');
    state.broken = true;
  }, 60_000);

  it('deletes a dead job for good, and the audit log has the replay and the delete', async () => {
    await failJob(2);
    // A long payload string (an inline file) comes back cut, with its length.
    await t.system.jobs.jobs.send('flaky.work', { n: 20, file: 'x'.repeat(5000) });
    await vi.waitFor(async () => expect((await deadJobs()).map((j) => j.payload.n)).toContain(20), {
      timeout: 20_000,
      interval: 200,
    });
    const long = (await deadJobs()).find((j) => j.payload.n === 20) as DeadJob & {
      payload: { file: string };
    };
    expect(long.payload.file).toBe(`${'x'.repeat(200)}… (5000 characters)`);
    await admin(`/admin/queues/flaky.work/dead/${long.id}`, { method: 'DELETE' });
    const [job] = await deadJobs();
    const deleted = await admin(`/admin/queues/flaky.work/dead/${job?.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deadJobs()).toEqual([]);
    expect((await admin(`/admin/queues/flaky.work/dead/${job?.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await admin('/admin/queues/no.such.queue/dead')).status).toBe(404);

    const audit = (await (await admin('/admin/audit')).json()) as {
      items: Array<{ action: string; actor_user_id: string; details: { queue?: string } }>;
    };
    const actions = audit.items.filter((e) => e.details.queue === 'flaky.work').map((e) => e.action);
    expect(actions).toEqual(['job.delete', 'job.delete', 'job.replay']);
    expect(audit.items[0]?.actor_user_id).toBe(adminId);
  }, 60_000);

  it('answers 403 problem+json to a user without the admin role and 401 without a token', async () => {
    await failJob(3);
    const [job] = await deadJobs();
    for (const [path, method] of [
      ['/admin/queues', 'GET'],
      ['/admin/queues/flaky.work/dead', 'GET'],
      [`/admin/queues/flaky.work/dead/${job?.id}/retry`, 'POST'],
      [`/admin/queues/flaky.work/dead/${job?.id}`, 'DELETE'],
      ['/admin/users', 'GET'],
      ['/admin/audit', 'GET'],
      [`/admin/users/${plainId}/roles`, 'PUT'],
    ] as const) {
      const res = await plain(path, { method, ...(method === 'PUT' ? { body: '{"roles":["admin"]}' } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('role_required');
      expect((await fetch(`${t.url}/api/v1${path}`, { method })).status, `${method} ${path}`).toBe(401);
    }
    // Nothing changed: the dead job is still there.
    expect((await deadJobs()).map((j) => j.id)).toEqual([job?.id]);
  }, 60_000);
});

describe('admin: users and roles', () => {
  it('lists users, grants and revokes a role (audited), refuses unknown roles and taking your own admin', async () => {
    const list = (await (await admin('/admin/users')).json()) as {
      items: Array<{ id: string; roles: string[] }>;
    };
    expect(list.items.map((u) => u.id)).toEqual(expect.arrayContaining([adminId, plainId]));
    const roles = (await (await admin('/admin/roles')).json()) as { items: Array<{ name: string }> };
    expect(roles.items.map((r) => r.name)).toEqual(['user', 'admin']);

    const put = (id: string, body: unknown) =>
      admin(`/admin/users/${id}/roles`, { method: 'PUT', body: JSON.stringify(body) });
    const granted = await put(plainId, { roles: ['admin'] });
    expect(((await granted.json()) as { roles: string[] }).roles).toEqual(['admin', 'user']);
    // The role is read from the database on every request: Pat is an admin at once.
    expect((await plain('/admin/queues')).status).toBe(200);
    const revoked = await put(plainId, { roles: [] });
    expect(((await revoked.json()) as { roles: string[] }).roles).toEqual(['user']);
    expect((await plain('/admin/queues')).status).toBe(403);

    const unknown = await put(plainId, { roles: ['wizard'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('Unknown role wizard');
    const self = await put(adminId, { roles: [] });
    expect(self.status).toBe(409);
    expect(((await self.json()) as { code: string }).code).toBe('own_admin_role');
    expect((await put('00000000-0000-7000-8000-000000000000', { roles: [] })).status).toBe(404);

    const audit = (await (await admin('/admin/audit?limit=5')).json()) as {
      items: Array<{ action: string; subject_id: string; details: { role?: string } }>;
    };
    const mine = audit.items.filter((e) => e.subject_id === plainId);
    expect(mine.map((e) => [e.action, e.details.role])).toEqual([
      ['role.revoke', 'admin'],
      ['role.grant', 'admin'],
    ]);
  }, 60_000);
});
