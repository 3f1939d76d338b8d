import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingModule } from '../../src/capabilities/booking/index.ts';
import { pushEndpointAllowed } from '../../src/capabilities/booking/web/push-pages.ts';
import { pushTargetPolicy } from '../../src/capabilities/booking/web/web-push.ts';
import { fetchLinkPreview } from '../../src/capabilities/notes/link-preview.ts';
import { OutboundRefused } from '../../src/platform/outbound/safe-fetch.ts';
import { type CapabilityHarness, startCapabilityHarness } from '../support/capability-harness.ts';

/**
 * Issue #29, Medium 4: the server fetches URLs people hand it (Web Push endpoints, note links) only
 * through the SSRF-safe fetch. Two local servers stand in for the world: `push` is the one private
 * address the test lets through (a browser's push service), `inside` is a service on the server's
 * own network that nothing a person sends may ever reach.
 */
interface Hit {
  method: string;
  url: string;
}
const pushHits: Hit[] = [];
const insideHits: Hit[] = [];
const servers: Server[] = [];
let push = '';
let inside = '';
let h: CapabilityHarness;
let admin: Record<string, string>;
let ids: { location: string; service: string; specialist: string };

async function listen(hits: Hit[], answer: (url: string) => [number, Record<string, string>]) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '' });
      const [status, headers] = answer(req.url ?? '');
      res.writeHead(status, { 'content-type': 'text/html', ...headers }).end('<title>Inside</title>');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  inside = await listen(insideHits, () => [200, {}]);
  push = await listen(pushHits, (url) =>
    url.startsWith('/fail')
      ? [500, {}]
      : url.startsWith('/redirect')
        ? [307, { location: `${inside}/stolen` }]
        : url === '/page'
          ? [200, {}]
          : [201, {}],
  );
  const booking = createBookingModule({ pushAllowPrivate: [new URL(push).host] });
  // Monday 2 March 2037, 08:00 UTC.
  h = await startCapabilityHarness([booking], { start: '2037-03-02T08:00:00Z' });
  admin = (await h.person('Ada', { roles: ['admin'] })).auth;
  const sam = await h.person('Sam');
  const location = await h.call(admin, 'POST', '/api/v1/booking/locations', {
    name: 'Mitte',
    timezone: 'Europe/Berlin',
  });
  const service = await h.call(admin, 'POST', '/api/v1/booking/services', {
    name: 'Haircut',
    duration_minutes: 60,
    requires_confirmation: 'always',
  });
  const specialist = await h.call(admin, 'POST', '/api/v1/booking/specialists', {
    telegram_id: sam.user.id,
    name: 'Sam',
    service_ids: [service.id],
    location_ids: [location.id],
  });
  await h.call(admin, 'PUT', `/api/v1/booking/specialists/${specialist.id}/hours`, {
    location_id: location.id,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  });
  ids = { location: String(location.id), service: String(service.id), specialist: String(specialist.id) };
}, 120_000);
afterAll(async () => {
  for (const s of servers) s.close();
  await h?.close();
});

/** A web client signed in by a one-time code (JSON API): the cookie the booking pages use. */
async function webClient(identity: string) {
  const ask = await h.request('/api/v1/booking/web/login/code', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity, language: 'en' }),
  });
  expect(ask.status).toBe(202);
  const lines = readFileSync(join(h.t.dataDir, 'login-codes.dev.log'), 'utf8').trim().split('\n');
  const sent = lines
    .map((l) => JSON.parse(l) as { identity: string; code: string })
    .filter((l) => l.identity === identity);
  const verify = await h.request('/api/v1/booking/web/login/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity, code: sent.at(-1)?.code }),
  });
  expect(verify.status).toBe(200);
  const { token } = (await verify.json()) as { token: string };
  return {
    cookie: `bk_session=${token}`,
    auth: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  };
}

/** What push.js posts: the browser's PushSubscription (a real P-256 key, so a push can be encrypted). */
function subscribe(cookie: string, endpoint: string) {
  const key = createECDH('prime256v1');
  key.generateKeys();
  return h.request('/app/booking/push/subscribe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      endpoint,
      keys: { p256dh: key.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    }),
  });
}

const subscriptions = (clientEndpointPrefix: string) =>
  h.t.testDb.database.raw.query<{ endpoint: string; client_id: string }>(
    'SELECT endpoint, client_id FROM booking_push_subscriptions WHERE endpoint LIKE $1 ORDER BY created_at',
    [`${clientEndpointPrefix}%`],
  );

/** The client books (pending: they are told "your request is in" by push). */
async function book(client: { auth: Record<string, string> }, time: string) {
  await h.call(client.auth, 'POST', '/api/v1/booking/bookings', {
    service_id: ids.service,
    location_id: ids.location,
    specialist_id: ids.specialist,
    start: `2037-03-04T${time}:00+01:00`,
  });
}

/** Moves the test clock a second at a time until `done` holds (push jobs and their retries run). */
async function tickUntil(done: () => boolean, maxTicks = 240) {
  for (let i = 0; i < maxTicks && !done(); i++) await h.clock.tick(1000);
  return done();
}
const hitsOn = (hits: Hit[], prefix: string) => hits.filter((x) => x.url.startsWith(prefix)).length;

describe('Web Push endpoints', () => {
  it('an endpoint at a private, loopback, link-local or reserved address is refused at subscribe', async () => {
    const ann = await webClient('ann@example.com');
    const port = new URL(inside).port;
    for (const endpoint of [
      `${inside}/push`,
      `http://localhost:${port}/push`,
      `http://0.0.0.0:${port}/push`,
      `http://[::]:${port}/push`,
      `http://[::1]:${port}/push`,
      `http://[::ffff:127.0.0.1]:${port}/push`,
      'https://10.0.0.1/push',
      'https://172.16.5.5/push',
      'https://192.168.1.1/push',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/push',
      'https://[fd00::1]/push',
      'https://[fe80::1]/push',
      'https://192.0.2.10/push',
      `${push.replace('http:', 'ftp:')}/push`,
      `https://${'a'.repeat(1000)}.example/push`,
    ]) {
      const res = await subscribe(ann.cookie, endpoint);
      expect({ endpoint, status: res.status }).toEqual({ endpoint, status: 400 });
    }
    expect(await subscriptions('')).toEqual([]);
    expect(insideHits).toEqual([]);
    // Outside the sandbox only https push services are accepted.
    expect(await pushEndpointAllowed(`${push}/x`, pushTargetPolicy(false, [new URL(push).host]))).toBe(false);
    expect(await pushEndpointAllowed(`${push}/x`, pushTargetPolicy(true, [new URL(push).host]))).toBe(true);
  });

  it('a 307 from an allowed endpoint to a port on the server’s network is not followed', async () => {
    const bea = await webClient('bea@example.com');
    expect((await subscribe(bea.cookie, `${push}/redirect/bea`)).status).toBe(201);
    const before = insideHits.length;
    await book(bea, '10:00');
    // The push is attempted and retried (a redirect is a failure); the target never hears of it.
    expect(await tickUntil(() => hitsOn(pushHits, '/redirect/bea') >= 1)).toBe(true);
    await tickUntil(() => hitsOn(pushHits, '/redirect/bea') >= 2);
    expect(insideHits.slice(before)).toEqual([]);
    expect(hitsOn(pushHits, '/redirect/bea')).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('an endpoint registered to one client cannot be taken over by another', async () => {
    const cid = await webClient('cid@example.com');
    const dan = await webClient('dan@example.com');
    const endpoint = `${push}/ok/cid-browser`;
    expect((await subscribe(cid.cookie, endpoint)).status).toBe(201);
    const [owner] = await subscriptions(endpoint);
    expect((await subscribe(dan.cookie, endpoint)).status).toBe(409);
    expect(await subscriptions(endpoint)).toEqual([owner]);
    // The owner's browser re-subscribing (new keys) is not a takeover.
    expect((await subscribe(cid.cookie, endpoint)).status).toBe(201);
    expect(await subscriptions(endpoint)).toEqual([owner]);
  });

  it('a client keeps at most 10 subscriptions: the oldest give way', async () => {
    const eve = await webClient('eve@example.com');
    for (let i = 1; i <= 12; i++)
      expect((await subscribe(eve.cookie, `${push}/ok/eve-${i}`)).status).toBe(201);
    const kept = (await subscriptions(`${push}/ok/eve-`)).map((r) => r.endpoint.split('/').at(-1));
    expect(kept).toEqual([
      'eve-3',
      'eve-4',
      'eve-5',
      'eve-6',
      'eve-7',
      'eve-8',
      'eve-9',
      'eve-10',
      'eve-11',
      'eve-12',
    ]);
  });

  it('one failing endpoint retries alone: the client’s other browser is pushed to once', async () => {
    const fay = await webClient('fay@example.com');
    expect((await subscribe(fay.cookie, `${push}/ok/fay-phone`)).status).toBe(201);
    expect((await subscribe(fay.cookie, `${push}/fail/fay-laptop`)).status).toBe(201);
    await book(fay, '12:00');
    expect(await tickUntil(() => hitsOn(pushHits, '/fail/fay-laptop') >= 3)).toBe(true);
    expect(hitsOn(pushHits, '/ok/fay-phone')).toBe(1);
  }, 300_000);

  it('a subscription stored before these checks, at a private address, is forgotten unfetched', async () => {
    const gia = await webClient('gia@example.com');
    expect((await subscribe(gia.cookie, `${push}/ok/gia-phone`)).status).toBe(201);
    const [phone] = await subscriptions(`${push}/ok/gia-phone`);
    const raw = h.t.testDb.database.raw;
    await raw.query(
      `INSERT INTO booking_push_subscriptions (endpoint, client_id, p256dh, auth) SELECT $1, client_id, p256dh, auth
       FROM booking_push_subscriptions WHERE endpoint = $2`,
      [`${inside}/old-gia`, phone?.endpoint],
    );
    const before = insideHits.length;
    await book(gia, '14:00');
    expect(await tickUntil(() => hitsOn(pushHits, '/ok/gia-phone') >= 1)).toBe(true);
    const old = () => subscriptions(`${inside}/old-gia`);
    for (let i = 0; i < 30 && (await old()).length > 0; i++) await h.clock.tick(1000);
    expect(await old()).toEqual([]);
    expect(insideHits.length).toBe(before);
  }, 120_000);
});

describe('link preview (the same safe fetch)', () => {
  const allowPrivate = () => [new URL(push).host];

  it('still reads a page of its allowed test server', async () => {
    expect(await fetchLinkPreview(`${push}/page`, { allowPrivate: allowPrivate() })).toMatchObject({
      title: 'Inside',
    });
  });

  it.each([
    () => `${inside}/page`,
    () => `http://localhost:${new URL(inside).port}/page`,
    () => 'http://169.254.169.254/latest/meta-data/',
    () => 'http://[::ffff:7f00:1]/',
    () => 'http://192.0.2.1/',
    () => 'http://198.51.100.7/',
    () => 'http://[2002:7f00:1::1]/',
  ])('refuses a private or reserved address before connecting (%#)', async (url) => {
    const before = insideHits.length;
    const started = performance.now();
    await expect(fetchLinkPreview(url(), { allowPrivate: allowPrivate() })).rejects.toBeInstanceOf(
      OutboundRefused,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(insideHits.length).toBe(before);
  });

  it('refuses a redirect from the allowed server into the server’s network', async () => {
    const redirects = hitsOn(pushHits, '/redirect/link');
    const before = insideHits.length;
    await expect(
      fetchLinkPreview(`${push}/redirect/link`, { allowPrivate: allowPrivate() }),
    ).rejects.toBeInstanceOf(OutboundRefused);
    expect(hitsOn(pushHits, '/redirect/link')).toBe(redirects + 1);
    expect(insideHits.length).toBe(before);
  });
});
