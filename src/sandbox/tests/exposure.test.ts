import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config/config.ts';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
beforeAll(async () => {
  env = await startTestSandbox();
});
afterAll(() => env.close());

const api = (method: string, query = '') => `${env.url}/bot${env.token}/${method}${query}`;

describe('the sandbox refuses what a web page could make it do', () => {
  it('refuses setWebhook and sendMessage over GET (an <img> tag) and changes nothing', async () => {
    const hook = encodeURIComponent('http://127.0.0.1:9/hook');
    const set = await fetch(api('setWebhook', `?url=${hook}`));
    expect(set.status).toBe(405);
    expect(((await set.json()) as { description: string }).description).toMatch(/POST/);
    const user = await env.sb.user('ann');
    const send = await fetch(api('sendMessage', `?chat_id=${user.id}&text=hi`));
    expect(send.status).toBe(405);
    expect((await env.call('getWebhookInfo')).body.result).toMatchObject({ url: '' });
    expect(await user.privateChat().messages()).toEqual([]);
  });

  it('still answers read-only methods over GET (curl getMe works)', async () => {
    const response = await fetch(api('getMe'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('refuses a cross-site POST (a hidden form) to the Bot API and the control API', async () => {
    const form = await fetch(api('setWebhook'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'url=http%3A%2F%2F127.0.0.1%3A9%2Fhook',
    });
    expect(form.status).toBe(403);
    const control = await fetch(`${env.url}/sandbox/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ first_name: 'Mallory' }),
    });
    expect(control.status).toBe(403);
    expect((await env.call('getWebhookInfo')).body.result).toMatchObject({ url: '' });
  });

  it('accepts webhooks only on loopback addresses', async () => {
    for (const url of ['https://attacker.example/hook', 'http://10.0.0.5/hook', 'http://[fe80::1]/x']) {
      const { status, body } = await env.call('setWebhook', { url });
      expect(status, url).toBe(400);
      expect(body.description).toMatch(/loopback/);
    }
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const url of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]) {
        expect((await env.call('setWebhook', { url })).status, url).toBe(200);
      }
    } finally {
      await env.call('deleteWebhook');
      server.close();
    }
  });
});

describe('the sandbox answers only to names that cannot be rebound', () => {
  /** A GET naming any Host (fetch sends only the URL's). */
  const withHost = (path: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(env.url);
      request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });

  it('refuses a DNS-rebound name with 421 and keeps serving loopback names and IP addresses', async () => {
    const user = await env.sb.user('rebound');
    const { port } = new URL(env.url);
    // The signed initData a rebinding page is after (this sandbox has no Mini App URL: 409 here).
    expect(await withHost(`/sandbox/api/webapp?user_id=${user.id}`, `attacker.example:${port}`)).toBe(421);
    for (const path of [`/sandbox/api/users/${user.id}`, '/sandbox/api/chats', `/bot${env.token}/getMe`]) {
      expect(await withHost(path, `attacker.example:${port}`), path).toBe(421);
      expect(await withHost(path, `localhost:${port}`), path).toBe(200);
      expect(await withHost(path, `192.0.2.7:${port}`), path).toBe(200);
    }
  });
});

describe('where the server listens', () => {
  it('binds loopback in sandbox mode unless HOST is set, and flags an explicit wide HOST', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', sandboxExposed: false });
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', sandboxExposed: true });
    expect(loadConfig({ HOST: '127.0.0.1' })).toMatchObject({ sandboxExposed: false });
    const real = loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOP' });
    expect(real).toMatchObject({ host: '0.0.0.0', sandboxExposed: false });
  });
});
