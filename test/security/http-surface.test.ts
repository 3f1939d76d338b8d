import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { clientAddress } from '../../src/platform/http/client-address.ts';
import { buildInitData } from '../../src/sandbox/control/web-app-init-data.ts';
// A namespace import: on code without parentTargets that one test fails, not the whole file.
import * as telegram from '../../web/src/telegram.ts';
import { launchChromium } from '../support/mini-app-browser.ts';
import { type SecuritySystem, startSecuritySystem } from './security-support.ts';

/** Issue #29's HTTP surface: Host/Origin in sandbox mode, TRUST_PROXY, page headers, the Mini App's frame. */
let s: SecuritySystem;
let port = 0;
beforeAll(async () => {
  s = await startSecuritySystem();
  port = Number(new URL(s.url).port);
}, 90_000);
afterAll(() => s?.t.close());

/** A request with any Host and headers (fetch will not send a Host of our choosing). */
function raw(
  path: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('sandbox mode answers only to its own names (DNS rebinding)', () => {
  it("refuses a foreign Host on the sandbox's initData, chats and UI, and on the app", async () => {
    const user = await s.t.sb.user('rebind');
    const evil = `rebind.attacker.example:${port}`;
    for (const path of [
      `/sandbox/api/webapp?user_id=${user.id}`,
      '/sandbox/api/chats',
      '/sandbox/api/users',
      '/sandbox',
      `/bot${SANDBOX_BOT_TOKEN}/getMe`,
      '/app/',
      '/openapi.json',
      '/healthz',
    ]) {
      const res = await raw(path, { host: evil });
      expect({ path, status: res.status }).toEqual({ path, status: 421 });
      expect(res.text).not.toContain('tgWebAppData');
      expect(JSON.parse(res.text).detail).toMatch(/answers only to localhost, 127\.0\.0\.1/);
    }
  });

  it('still answers to loopback names and addresses', async () => {
    const user = await s.t.sb.user('local');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      const res = await raw(`/sandbox/api/webapp?user_id=${user.id}`, { host });
      expect({ host, status: res.status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses a state-changing request from a foreign Origin, on the app as on the sandbox', async () => {
    const before = await s.snapshot();
    const init_data = buildInitData({
      botToken: SANDBOX_BOT_TOKEN,
      user: { id: 730_001, first_name: 'Eve', is_bot: false },
      authDate: Math.floor(Date.now() / 1000),
    });
    for (const origin of ['https://attacker.example', 'http://203.0.113.5:8080', 'null']) {
      const login = await raw('/api/v1/auth/webapp', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ init_data }),
      });
      expect({ origin, status: login.status }).toEqual({ origin, status: 403 });
    }
    expect((await s.snapshot()).users).toBe(before.users);
    // The same request from this origin (the sandbox's own Mini App) signs in.
    const same = await raw('/api/v1/auth/webapp', {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    expect(same.status).toBe(200);
  });
});

describe('TRUST_PROXY: X-Forwarded-For counts only from a listed proxy', () => {
  // The peer of a real socket is 127.0.0.1 here: listed or not decides.
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    const app = new Hono();
    app.get('/', (c) =>
      c.text(String(clientAddress(c, loadConfig({ TRUST_PROXY: c.req.query('trust') }).trustProxy))),
    );
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const seen = async (trust: string) =>
    (
      await fetch(`${base}/?trust=${encodeURIComponent(trust)}`, {
        headers: { 'x-forwarded-for': '198.51.100.7' },
      })
    ).text();

  it('ignores the header from a peer that is not in the list, uses it from one that is', async () => {
    expect(await seen('10.0.0.0/8,192.0.2.10')).toBe('127.0.0.1');
    expect(await seen('10.0.0.0/8,127.0.0.1')).toBe('198.51.100.7');
  });
});

describe('security headers on what a browser renders under /app', () => {
  it('gives the Mini App a CSP that only Telegram Web and this origin may frame', async () => {
    const res = await raw('/app/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org https://*.web.telegram.org");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();
  });

  it('lets no one frame the web booking pages', async () => {
    const res = await raw('/app/booking');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe("the Mini App's launch parameters and events", () => {
  it('posts events only to Telegram Web or this origin, never to any page that frames it', () => {
    const self = 'http://127.0.0.1:3000';
    expect(telegram.parentTargets(self, undefined)).toEqual(['https://web.telegram.org', self]);
    expect(telegram.parentTargets(self, 'https://web.telegram.org')).toEqual(['https://web.telegram.org']);
    expect(telegram.parentTargets(self, 'https://attacker.example')).toEqual([]);
    expect(telegram.parentTargets(self, 'https://web.telegram.org.attacker.example')).toEqual([]);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let foreign: Server;
    let foreignUrl = '';
    let launchUrl = '';
    beforeAll(async () => {
      browser = await launchChromium('the Mini App frame checks');
      const user = await s.t.sb.user('framed');
      launchUrl = `${s.url}${(await user.webApp()).url}`;
      // Another site (another port is another origin) that frames the Mini App and listens.
      foreign = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><script>window.got=[];addEventListener('message',e=>window.got.push(String(e.data)))</script>
<iframe id="app" src="${launchUrl}" width="360" height="600"></iframe>`);
      });
      await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
      foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      foreign?.close();
    });

    it('tells a foreign page that frames it nothing', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(foreignUrl);
        // The app signs in and says web_app_ready within a second or two when it runs at all.
        await page.waitForTimeout(4000);
        expect(await page.evaluate(() => (window as unknown as { got: string[] }).got)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('runs the Mini App in the sandbox (framed and in a tab) and a booking page without a CSP violation', async () => {
      const user = await s.t.sb.user('strict');
      const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
      // In every frame from its first script on: what the policy blocked.
      await context.addInitScript((id) => {
        localStorage.setItem('sandbox.userId', String(id));
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
        );
      }, user.id);
      const violations = (frame: { evaluate: Page['evaluate'] }) =>
        frame.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      try {
        const page = await context.newPage();
        await page.goto(`${s.url}/sandbox`);
        await page.locator('#header-webapp').click({ timeout: 15_000 });
        const frame = page.frameLocator('#webapp-frame');
        await frame.locator('nav.tabs button').nth(1).click({ timeout: 15_000 });
        const app = page.frames().find((f) => f.url().includes('/app/'));
        // The stylesheet applied (a blocked one leaves the tab bar unstyled) and nothing was blocked.
        expect(await frame.locator('nav.tabs').evaluate((n) => getComputedStyle(n).display)).not.toBe(
          'block',
        );
        expect(app && (await violations(app))).toEqual([]);
        // The sandbox chat's "Open in tab": a tab opened from this origin still takes the launch
        // parameters (signing in there then fails on main as before: initData is single-use).
        const [tab] = await Promise.all([
          context.waitForEvent('page'),
          page.locator('#webapp-external').click(),
        ]);
        await tab.waitForLoadState();
        expect(await tab.evaluate(() => sessionStorage.getItem('secretary.launch'))).toContain('initData');
        const booking = await context.newPage();
        await booking.goto(`${s.url}/app/booking`);
        await booking.locator('h1').waitFor({ state: 'visible', timeout: 15_000 });
        expect(await booking.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
        expect(await violations(booking)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('ignores launch parameters in a link opened outside Telegram', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(launchUrl); // typed or followed from another site: no frame, no referrer
        await page.locator('.notice').waitFor({ state: 'visible', timeout: 15_000 });
        expect(await page.evaluate(() => sessionStorage.getItem('secretary.launch'))).toBeNull();
        expect(await page.locator('nav.tabs').count()).toBe(0);
      } finally {
        await page.close();
      }
    });
  });
});
