import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapabilityHarness, startCapabilityHarness } from '../../../test/support/capability-harness.ts';
import type { AnyCapabilityModule } from '../../capabilities/capability.ts';

// A capability with a page for everyone and one for admins; notes is not enabled here.
const boardModule: AnyCapabilityModule = {
  name: 'board',
  create: () => ({
    miniApp: { pages: [{ id: 'board' }, { id: 'board-admin', role: 'admin', order: 1 }] },
  }),
};

let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([boardModule]);
}, 180_000);
afterAll(() => h.close());

describe('GET /api/v1/app', () => {
  it("lists the enabled capabilities' pages this user's roles allow", async () => {
    const plain = await h.person('Pavel');
    const admin = await h.person('Alla', { roles: ['admin'] });
    expect(await h.call(plain.auth, 'GET', '/api/v1/app')).toEqual({
      pages: [{ id: 'board', capability: 'board' }],
    });
    // The admin page comes first (order 1); notes, not enabled in this system, is absent.
    expect(await h.call(admin.auth, 'GET', '/api/v1/app')).toEqual({
      pages: [
        { id: 'board-admin', capability: 'board' },
        { id: 'board', capability: 'board' },
      ],
    });
    const anonymous = await h.request('/api/v1/app');
    expect(anonymous.status).toBe(401);
    const doc = (await (await h.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty('/api/v1/app');
  });
});
