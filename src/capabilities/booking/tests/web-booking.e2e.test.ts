import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ece from 'http_ece';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { waitMessage } from '../../../../test/support/clock-waits.ts';
import { createBookingModule } from '../index.ts';

/** What a browser's push service receives (the test runs it: a local HTTP endpoint). */
interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const TEXTS = {
  en: {
    requested: /Your request is in: Haircut/,
    newBooking: /New booking: an…@example\.com — Haircut with Sam/,
    confirmedPush: /Booking confirmed: an…@example\.com — Haircut/,
    reminder: /Reminder: Haircut/,
    status: 'confirmed',
    codeTitle: 'Enter the code',
  },
  ru: {
    requested: /Заявка принята: Haircut/,
    newBooking: /Новая запись: an…@example\.com — Haircut, специалист Sam/,
    confirmedPush: /Запись подтверждена: an…@example\.com — Haircut/,
    reminder: /Напоминание: Haircut/,
    status: 'подтверждена',
    codeTitle: 'Введите код',
  },
} as const;

const servers: Server[] = [];
const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const s of servers) s.close();
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: a client without Telegram books on the web page', (lang) => {
  it('pages → OTP sign-in → book; the specialist hears in Telegram, the client by Web Push', async () => {
    const x = TEXTS[lang];
    // The browser's push service, run by the test.
    const received: Received[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const pushBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Monday 2 March 2037, 08:00 UTC. The local push service is the one private address let through.
    const booking = createBookingModule({ pushAllowPrivate: [new URL(pushBase).host] });
    const h = await startCapabilityHarness([booking], { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const sam = await h.person('Sam', { language: lang });
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await h.request(`/api/v1${path}`, {
        method,
        headers: admin.auth,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return res.json();
    };
    const location = await api('POST', '/booking/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
    const service = await api('POST', '/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
      requires_confirmation: 'always',
    });
    const specialist = await api('POST', '/booking/specialists', {
      telegram_id: sam.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await api('PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });

    const browserKey = createECDH('prime256v1');
    browserKey.generateKeys();
    const authSecret = randomBytes(16).toString('base64url');

    // --- the pages, as a browser without scripts walks them
    let cookie = '';
    const get = async (path: string) => {
      const res = await h.request(path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      return { res, text: await res.text() };
    };
    const post = async (path: string, form: Record<string, string>) => {
      const res = await h.request(path, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(form).toString(),
      });
      return { res, text: await res.text() };
    };
    const links = (html: string, must: string) =>
      [...html.matchAll(/href="([^"]+)"/g)]
        .map((m) => (m[1] as string).replaceAll('&amp;', '&'))
        .filter((href) => href.includes(must));
    const first = (html: string, must: string) => {
      const found = links(html, must)[0];
      if (!found) throw new Error(`no link with ${must} in ${html}`);
      return found;
    };

    let page = await get(`/app/booking?lang=${lang}`);
    expect(page.res.status).toBe(200);
    expect(page.text).toContain(`<html lang="${lang}">`);
    expect(page.text).not.toMatch(/<script>|style="/); // nothing inline: works under a strict CSP
    page = await get(first(page.text, `location=${location.id}`));
    page = await get(first(page.text, `service=${service.id}`));
    expect(page.text).toContain('Sam');
    page = await get(first(page.text, 'specialist=any'));
    page = await get(first(page.text, 'day=2037-03-04'));
    expect(page.text).toContain('10:00');
    const confirmUrl = first(page.text, '/app/booking/confirm');
    page = await get(confirmUrl);
    expect(page.res.status).toBe(303);
    page = await get(page.res.headers.get('location') as string);
    const next = /name="next" value="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&') as string;
    expect(next).toContain('/app/booking/confirm');

    // --- sign in with a one-time code (the development delivery writes it into DATA_DIR)
    page = await post(`/app/booking/login?lang=${lang}`, { identity: 'Ann@Example.com', next });
    expect(page.res.status).toBe(200);
    expect(page.text).toContain(x.codeTitle);
    const codesFile = join(h.t.dataDir, 'login-codes.dev.log');
    expect(statSync(codesFile).mode & 0o777).toBe(0o600);
    const sent = JSON.parse(readFileSync(codesFile, 'utf8').trim().split('\n').at(-1) as string);
    expect(sent.identity).toBe('ann@example.com');
    page = await post(`/app/booking/login/verify?lang=${lang}`, {
      identity: 'ann@example.com',
      code: sent.code === '000000' ? '111111' : '000000',
      next,
    });
    expect(page.res.status).toBe(400);
    page = await post(`/app/booking/login/verify?lang=${lang}`, {
      identity: 'ann@example.com',
      code: sent.code,
      next,
    });
    expect(page.res.status).toBe(303);
    expect(page.res.headers.get('location')).toBe(next);
    const setCookie = page.res.headers.get('set-cookie') as string;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0] as string;
    // The code is used: it does not sign in twice.
    const again = await post(`/app/booking/login/verify?lang=${lang}`, {
      identity: 'ann@example.com',
      code: sent.code,
      next,
    });
    expect(again.res.status).toBe(400);

    // --- the browser subscribes to pushes (what push.js does after the permission prompt)
    const subscribe = await h.request('/app/booking/push/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        endpoint: `${pushBase}/push/ann`,
        keys: { p256dh: browserKey.getPublicKey().toString('base64url'), auth: authSecret },
      }),
    });
    expect(subscribe.status).toBe(201);

    // --- confirm and book
    page = await get(next);
    expect(page.res.status).toBe(200);
    const hidden = Object.fromEntries(
      [...page.text.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    page = await post(`/app/booking/book?lang=${lang}`, hidden);
    expect(page.res.status).toBe(200);
    expect(page.text).toMatch(x.requested);
    expect(page.text).toContain('src="/app/booking/push.js"');

    // The specialist hears in Telegram (the sandbox), with Confirm / Decline.
    const notice = await waitMessage(h.clock, sam.chat, x.newBooking, 0);
    expect(notice.buttons().length).toBe(2);

    // The client hears by Web Push: an encrypted POST to their browser's endpoint.
    const vapid = JSON.parse(readFileSync(join(h.t.dataDir, 'vapid.json'), 'utf8'));
    const decrypt = (r: Received) =>
      JSON.parse(
        ece.decrypt(r.body, { version: 'aes128gcm', privateKey: browserKey, authSecret }).toString(),
      ) as { title: string; body: string };
    const nthPush = async (n: number) => {
      for (let i = 0; i < 80 && received.length < n; i++) await h.clock.tick(250);
      const r = received[n - 1];
      if (!r) throw new Error(`push ${n} never arrived (got ${received.length})`);
      return r;
    };
    const firstPush = await nthPush(1);
    expect(firstPush.url).toBe('/push/ann');
    expect(firstPush.headers['content-encoding']).toBe('aes128gcm');
    expect(firstPush.headers.ttl).toBeDefined();
    expect(firstPush.headers.authorization).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
    expect(decrypt(firstPush).body).toMatch(x.requested);

    // The admin confirms: the client is told by push, the page lists it as confirmed.
    const { bookings } = await api('GET', '/booking/bookings?scope=all');
    expect(bookings).toHaveLength(1);
    await api('POST', `/booking/bookings/${bookings[0].id}/confirm`);
    expect(decrypt(await nthPush(2)).body).toMatch(x.confirmedPush);
    page = await get(`/app/booking/mine?lang=${lang}`);
    expect(page.text).toContain(x.status);
    expect(page.text).toContain('action="/app/booking/logout');

    // The JSON sign-in gives the same person a platform bearer token: the API lists their booking.
    const ask = await h.request('/api/v1/booking/web/login/code', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'ann@example.com', language: lang }),
    });
    expect(ask.status).toBe(202);
    const apiCode = JSON.parse(readFileSync(codesFile, 'utf8').trim().split('\n').at(-1) as string).code;
    const signIn = await h.request('/api/v1/booking/web/login/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'ann@example.com', code: apiCode }),
    });
    expect(signIn.status).toBe(200);
    const { token } = (await signIn.json()) as { token: string };
    const mine = await h.request('/api/v1/booking/bookings?scope=mine', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await mine.json()) as { bookings: unknown[] }).bookings).toHaveLength(1);

    // A day before the visit, the reminder also comes by push.
    const start = new Date(bookings[0].start).getTime();
    await h.clock.setTime(new Date(start - 24 * 3_600_000));
    expect(decrypt(await nthPush(3)).body).toMatch(x.reminder);
  }, 120_000);
});
