import { randomBytes } from 'node:crypto';
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

/** A location, service and a specialist working every day 09–18 (made by the admin). */
async function bookingSetup() {
  const n = `${Date.now()}${Math.random()}`;
  const location = await api(admin, 'POST', '/booking/locations', { name: `L${n}`, timezone: 'UTC' });
  const service = await api(admin, 'POST', '/booking/services', {
    name: `S${n}`,
    duration_minutes: 30,
  });
  const specialist = await api(admin, 'POST', '/booking/specialists', {
    telegram_id: 731_000 + Math.floor(Math.random() * 100_000),
    name: `P${n}`,
    service_ids: [service.id],
    location_ids: [location.id],
  });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
  await api(admin, 'PUT', `/booking/specialists/${specialist.id}/hours`, {
    location_id: location.id,
    weekly,
  });
  return {
    location: location.id as string,
    service: service.id as string,
    specialist: specialist.id as string,
  };
}

/** The owner's booking (as its client) a week ahead, in the first free slot. */
async function ownersBooking() {
  const setup = await bookingSetup();
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await api(
    owner,
    'GET',
    `/booking/slots?service_id=${setup.service}&location_id=${setup.location}&from=${day(7)}&to=${day(8)}`,
  );
  return api(owner, 'POST', '/booking/bookings', {
    service_id: setup.service,
    location_id: setup.location,
    start: slots[0].start,
  });
}

/** Booking's setup writes: admin-only inside the `/booking` mount (the reads are for every user). */
const BOOKING_SETUP =
  /^(POST \/api\/v1\/booking\/(locations|services|specialists|specialists\/invites)|(PATCH|DELETE) \/api\/v1\/booking\/(locations|services|specialists)\/\{id\}|PUT \/api\/v1\/booking\/settings|PUT \/api\/v1\/booking\/specialists\/\{id\}\/hours|(GET|PUT) \/api\/v1\/booking\/specialists\/\{id\}\/services|(GET|POST) \/api\/v1\/booking\/specialists\/\{id\}\/exceptions|DELETE \/api\/v1\/booking\/specialists\/\{id\}\/exceptions\/\{exception_id\}|(GET|PUT) \/api\/v1\/booking\/notification-settings|(GET|POST|PUT|DELETE) \/api\/v1\/booking\/ad-templates(\/\{id\})?)$/;
/** Admin-only operations: the admin is the owner; anyone else gets 403. */
const adminOnly = (method: string, path: string) =>
  path.startsWith('/api/v1/admin/') || BOOKING_SETUP.test(`${method.toUpperCase()} ${path}`);
/** The business admin manages every booking (booking's state machine), so the admin is not a stranger there. */
const adminManages = (path: string) => path.startsWith('/api/v1/booking/bookings/');

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
    case '/notes':
      return {
        id: (await api(owner, 'POST', '/notes', { text: 'an owned note about the garden roses' })).id,
      };
    case '/notes/topics':
      return {
        id: (await api(owner, 'POST', '/notes/topics', { name: `t${Date.now()}${Math.random()}` })).id,
      };
    // Settings are per caller by key: every caller reads and writes their own value.
    case '/settings':
      return { key: 'notes.forum' };
    case '/admin/broadcasts': {
      const made = await api(admin, 'POST', '/admin/broadcasts', {
        text: 'hello',
        segment: { kind: 'all' },
      });
      return { id: made.id };
    }
    // A job parked in the dead-letter queue of a harmless queue (a replay prunes old updates).
    case '/admin/queues': {
      const jobs = s.t.system.jobs.jobs;
      const id = await jobs.send('telegram.updates.prune.dead', {});
      return { queue: 'telegram.updates.prune', id: id as string };
    }
    case '/admin/users':
      return { id: owner.userId };
    case '/admin/companion/recommendations': {
      const made = await api(admin, 'POST', '/admin/companion/recommendations', {
        title: 'A guide',
        url: 'https://example.org/guide',
        stages: ['newcomer'],
      });
      return { id: made.id };
    }
    case '/booking/bookings':
      return { id: (await ownersBooking()).id, action: 'cancel' };
    case '/booking/specialists': {
      const setup = await bookingSetup();
      const exception = await api(admin, 'POST', `/booking/specialists/${setup.specialist}/exceptions`, {
        location_id: setup.location,
        day: '2031-03-03',
      });
      return { id: setup.specialist, exception_id: exception.id };
    }
    case '/booking/locations':
      return { id: (await bookingSetup()).location };
    case '/booking/services':
      return { id: (await bookingSetup()).service };
    case '/booking/ad-templates':
      return { id: (await api(admin, 'POST', '/booking/ad-templates', { text: 'ad' })).id };
    case '/calendar': {
      const { url } = await api(owner, 'GET', '/calendar');
      return { feed: String(url).split('/').at(-1) as string };
    }
    default:
      throw new Error(`no fixture for ${path}: add one to authz-matrix.test.ts`);
  }
}

/** Paths whose parameter names the caller's own entry (a setting key), not an object of the owner. */
const PER_CALLER = ['/api/v1/settings/'];
/**
 * Capability URLs: the unguessable token in the path is the credential (a calendar app holds it,
 * signed in as nobody), so whoever holds the owner's address reads it. What must hold instead: any
 * other token — a made-up one, whoever asks — is a 404 that changes nothing.
 */
const CREDENTIAL_IN_PATH = ['/api/v1/calendar/{feed}'];

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

      // Admin-only operations: a user (owner or not) gets 403, the admin passes.
      if (adminOnly(op.method, op.path)) {
        for (const [who, caller] of [
          ['owner', owner],
          ['other user', other],
        ] as const) {
          const res = await send(caller);
          // 403, or 400 when the form is refused before the role is checked (booking checks in the handler).
          if (![400, 403].includes(res.status))
            failures.push(`${label} as ${who} (not an admin) → ${res.status}`);
        }
        const res = await send(admin);
        // A 404 about another object the minimal form names (a made-up location) is fair.
        const aboutOtherObject =
          res.status === 404 && op.body !== undefined && !res.text.includes(ids.id ?? '\u0000');
        if (([401, 403, 404].includes(res.status) && !aboutOtherObject) || res.status >= 500)
          failures.push(`${label} as the admin → ${res.status} ${res.text.slice(0, 200)}`);
        continue;
      }

      if (CREDENTIAL_IN_PATH.includes(op.path)) {
        const guessed = `${op.path.split('/{')[0]}/${randomBytes(32).toString('base64url')}.ics`;
        for (const [who, caller] of [
          ['anonymous', null],
          ['other user', other],
          ['admin', admin],
        ] as const) {
          const before = await s.snapshot();
          const res = await s.request(op.method, guessed, caller ? { token: caller.token } : {});
          if (res.status !== 404) failures.push(`${label} with a made-up token as ${who} → ${res.status}`);
          const after = await s.snapshot();
          if (Object.keys(after).some((t) => after[t] !== before[t]))
            failures.push(`${label} with a made-up token as ${who} changed something`);
        }
      } else if (op.path.includes('{') && !PER_CALLER.some((prefix) => op.path.startsWith(prefix))) {
        const strangers = adminManages(op.path)
          ? ([['other user', other]] as const)
          : ([
              ['other user', other],
              ['admin', admin],
            ] as const);
        for (const [who, caller] of strangers) {
          const before = await s.snapshot();
          const objectPath = op.path.split('/{')[0]?.endsWith('occurrences')
            ? null
            : `${op.path.split('/{')[0]}/${ids.id}`;
          const ownerView = objectPath ? await s.request('GET', objectPath, { token: owner.token }) : null;
          const res = await send(caller);
          // 404, or 400 when the minimal form is refused before the object is looked up: either way nothing leaks.
          if (![400, 404].includes(res.status)) failures.push(`${label} as ${who} → ${res.status}`);
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
      // A 404 about another object the form names (a made-up topic id) is the owner's fair answer.
      const aboutOther =
        mine.status === 404 && op.body !== undefined && !mine.text.includes(ids.id ?? '\u0000');
      if ((op.secured && [401, 403, 404].includes(mine.status) && !aboutOther) || mine.status >= 500)
        failures.push(`${label} as the owner → ${mine.status} ${mine.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
