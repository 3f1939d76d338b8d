import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';
import { clientAddress } from './client-address.ts';
import { forwardedAddress, LOCAL_NETWORKS, parseTrustProxy } from './trusted-proxies.ts';

// A real socket (app.request() has none): the peer is 127.0.0.1, the header is whatever we send.
let server: ReturnType<typeof serve>;
let base = '';
beforeAll(async () => {
  const app = new Hono();
  app.get('/', (c) => {
    const trust = parseTrustProxy(c.req.query('trust') ?? '');
    return c.text(trust ? String(clientAddress(c, trust)) : 'bad TRUST_PROXY');
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const from = async (trust: string, forwarded?: string) =>
  (
    await fetch(
      `${base}/?trust=${encodeURIComponent(trust)}`,
      forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {},
    )
  ).text();

describe('client address', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    expect(await from('false')).toBe('127.0.0.1');
    expect(await from('false', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    expect(await from('10.0.0.0/8', '203.0.113.9')).toBe('127.0.0.1');
    expect(await from('192.0.2.1,::1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('walks the header right to left past listed proxies, to the first address that is not one', async () => {
    expect(await from('127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(await from('127.0.0.0/8', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await from('127.0.0.1,10.0.0.0/8', '6.6.6.6, 203.0.113.9, 10.0.0.2, 10.0.0.3')).toBe(
      '203.0.113.9',
    );
    // Every hop a proxy of ours: the leftmost is the best we know.
    expect(await from('127.0.0.1,10.0.0.0/8', '10.0.0.9')).toBe('10.0.0.9');
    // Trusted but no header (someone reached us directly): the socket's peer.
    expect(await from('127.0.0.1')).toBe('127.0.0.1');
    // A proxy that adds ports; one that wrote something that is no address stops the walk.
    expect(await from('127.0.0.1', '[2001:db8::7]:443')).toBe('2001:db8::7');
    expect(await from('127.0.0.1', '203.0.113.9, unknown')).toBe('127.0.0.1');
  });

  it('keeps the old meaning of true and a count, for proxies on loopback or private addresses', async () => {
    expect(await from('true', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await from('1', '6.6.6.6, 10.0.0.5')).toBe('10.0.0.5');
    expect(await from('2', '6.6.6.6, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default; true/on/a digit trust local proxies that many hops; a list trusts those', () => {
    expect(loadConfig({}).trustProxy).toEqual({ networks: [], maxHops: 0 });
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy.maxHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual({ networks: LOCAL_NETWORKS, maxHops: 1 });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ networks: LOCAL_NETWORKS, maxHops: 2 });
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8' }).trustProxy).toEqual({
      networks: ['127.0.0.1', '10.0.0.0/8', 'fd00::/8'],
      maxHops: Number.POSITIVE_INFINITY,
    });
  });

  it('names itself when it is not understood', () => {
    for (const value of ['yes please', '10.0.0.0/33', '10.0.0.1,example.com', '::1/129', '12']) {
      try {
        loadConfig({ TRUST_PROXY: value });
        expect.unreachable(`loadConfig accepted TRUST_PROXY=${value}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems.join('\n')).toMatch(/TRUST_PROXY.*addresses\/CIDRs/);
      }
    }
  });

  it('reads an X-Forwarded-For entry as a bare address or nothing', () => {
    expect(forwardedAddress(' 203.0.113.9:4711')).toBe('203.0.113.9');
    expect(forwardedAddress('[::1]')).toBe('::1');
    expect(forwardedAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(forwardedAddress('_hidden')).toBeNull();
  });
});
