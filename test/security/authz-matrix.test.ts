import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TELEGRAM_ID,
  type Caller,
  minimal,
  type OpenApiOperation,
  type SecuritySystem,
  startSecuritySystem,
} from './security-support.ts';

/**
 * Every operation in /openapi.json × {anonymous, the owner, another user, an admin}. Path ids
 * always name the owner's objects, freshly made for each operation. A route with an id this file
 * cannot make an object for fails the test: register its fixture when adding the route.
 */
let s: SecuritySystem;
let owner: Caller;
let other: Caller;
let admin: Caller;
beforeAll(async () => {
  s = await startSecuritySystem();
  owner = await s.login(730_001, 'Owner');
  other = await s.login(730_002, 'Other');
  admin = await s.login(ADMIN_TELEGRAM_ID, 'Admin');
}, 90_000);
afterAll(() => s?.t.close());

const api = async (caller: Caller, method: string, path: string, body?: unknown) => {
  const res = await s.request(method, `/api/v1${path}`, {
    token: caller.token,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
  return JSON.parse(res.text);
};

/** The owner's objects a path names, by the resource its parameters follow. */
async function fixtureIds(path: string): Promise<Record<string, string>> {
  const resource = path.replace('/api/v1', '').split('/{')[0];
  switch (resource) {
    case '/tasks':
      return { id: (await api(owner, 'POST', '/tasks', { title: 'owned task' })).id };
    case '/categories':
      return { id: (await api(owner, 'POST', '/categories', { name: `c${Date.now()}${Math.random()}` })).id };
    case '/courses': {
      const course = await api(owner, 'POST', '/courses', {
        name: `k${Date.now()}${Math.random()}`,
        topics: ['one'],
      });
      return { id: course.id, topicId: course.topics[0].id };
    }
    case '/reminders':
    case '/reminders/occurrences': {
      const reminder = await api(owner, 'POST', '/reminders', {
        text: 'owned',
        due_at: '2031-03-02T09:00:00Z',
      });
      if (resource === '/reminders') return { id: reminder.id };
      const window = await api(
        owner,
        'GET',
        '/reminders/occurrences?from=2031-03-01T00:00:00Z&to=2031-03-03T00:00:00Z',
      );
      const item = window.items.find((i: { reminder_id: string }) => i.reminder_id === reminder.id);
      return { id: item.occurrence_id };
    }
    default:
      throw new Error(`no fixture for ${path}: add one to authz-matrix.test.ts`);
  }
}

const concrete = (op: OpenApiOperation, ids: Record<string, string>) =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no fixture id "${name}" for ${op.path}`);
    return id;
  });

describe('authorisation matrix over /openapi.json', () => {
  it('anonymous → 401; another user and an admin → 404 on the owner’s objects, changing nothing; the owner passes', async () => {
    const operations = (await s.operations()).filter((op) => op.path.startsWith('/api/'));
    expect(operations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const op of operations) {
      // Fresh sessions each time: an operation may end them (sign out, sign out everywhere).
      [owner, other, admin] = [
        await s.login(730_001, 'Owner'),
        await s.login(730_002, 'Other'),
        await s.login(ADMIN_TELEGRAM_ID, 'Admin'),
      ];
      const ids = op.path.includes('{') ? await fixtureIds(op.path) : {};
      const path = concrete(op, ids);
      const body = op.body ? JSON.stringify(minimal(op.body)) : undefined;
      const send = (caller: Caller | null) =>
        s.request(op.method, path, { ...(caller ? { token: caller.token } : {}), ...(body ? { body } : {}) });
      const label = `${op.method} ${op.path}`;

      const anonymous = await send(null);
      if (op.secured && anonymous.status !== 401) failures.push(`${label} anonymous → ${anonymous.status}`);
      if (anonymous.status >= 500) failures.push(`${label} anonymous → ${anonymous.status}`);
      if (!op.secured && anonymous.status < 400 && op.body)
        failures.push(`${label} anonymous with an empty form → ${anonymous.status}`);

      if (op.path.includes('{')) {
        for (const [who, caller] of [
          ['other user', other],
          ['admin', admin],
        ] as const) {
          const before = await s.snapshot();
          const objectPath = op.path.split('/{')[0]?.endsWith('occurrences')
            ? null
            : `${op.path.split('/{')[0]}/${ids.id}`;
          const ownerView = objectPath ? await s.request('GET', objectPath, { token: owner.token }) : null;
          const res = await send(caller);
          if (res.status !== 404) failures.push(`${label} as ${who} → ${res.status}`);
          const after = await s.snapshot();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length > 0) failures.push(`${label} as ${who} changed ${changed.join(', ')}`);
          if (ownerView?.status === 200) {
            const again = await s.request('GET', objectPath as string, { token: owner.token });
            if (again.text !== ownerView.text) failures.push(`${label} as ${who} changed the owner's object`);
          }
        }
      }

      const mine = await send(owner);
      // A public operation (sign-in) authenticates by its body, which a minimal form does not carry.
      if ((op.secured && [401, 403, 404].includes(mine.status)) || mine.status >= 500)
        failures.push(`${label} as the owner → ${mine.status} ${mine.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
