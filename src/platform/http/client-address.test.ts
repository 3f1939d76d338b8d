import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';
import { clientAddress } from './client-address.ts';

// A real socket (app.request() has none): the peer is 127.0.0.1, the header is whatever we send.
let server: ReturnType<typeof serve>;
let base = '';
beforeAll(async () => {
  const app = new Hono();
  app.get('/:hops', (c) => c.text(String(clientAddress(c, Number(c.req.param('hops'))))));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const from = async (hops: number, forwarded?: string) =>
  (await fetch(`${base}/${hops}`, forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {})).text();

describe('client address', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    expect(await from(0)).toBe('127.0.0.1');
    expect(await from(0, '203.0.113.9')).toBe('127.0.0.1');
  });

  it('believes one entry per trusted proxy, from the right (a client cannot prepend its way in)', async () => {
    expect(await from(1, '203.0.113.9')).toBe('203.0.113.9');
    expect(await from(1, '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await from(2, '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    // Trusted but no header (someone reached us directly): the socket's peer.
    expect(await from(1)).toBe('127.0.0.1');
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default; true/on is one proxy; a digit is that many', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('names itself when it is not understood', () => {
    try {
      loadConfig({ TRUST_PROXY: 'yes please' });
      expect.unreachable('loadConfig accepted TRUST_PROXY=yes please');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/TRUST_PROXY.*number of proxies/);
    }
  });
});
