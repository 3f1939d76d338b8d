import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl, isBlockedAddress, OutboundRefused, safeFetch } from './safe-fetch.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let seen: Seen[];
let origin: string;
let allow: string[];

beforeAll(async () => {
  seen = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const [path, query = ''] = (req.url ?? '').split('?');
      if (path === '/big') res.writeHead(200).end('x'.repeat(100_000));
      else if (path === '/hang')
        res.flushHeaders(); // headers, then a body that never ends
      else if (path === '/to')
        res
          .writeHead(Number(new URLSearchParams(query).get('s') ?? 302), {
            location: new URLSearchParams(query).get('l') ?? '/',
          })
          .end();
      else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allow = [`127.0.0.1:${port}`];
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const to = (location: string, status = 302) => `${origin}/to?s=${status}&l=${encodeURIComponent(location)}`;

describe('safe fetch', () => {
  it('classifies every form of a private address, IPv4 inside IPv6 included', () => {
    for (const a of [
      '127.0.0.1',
      '0.0.0.0',
      '10.1.2.3',
      '100.64.0.1',
      '169.254.169.254',
      '172.31.0.1',
      '192.168.0.1',
      '192.0.2.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a00:1',
      '::7f00:1',
      '::ffff:0:7f00:1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
      'fd00::1',
      'fe80::1',
      'fec0::1',
      'ff02::1',
      '2001:db8::1',
      'not-an-ip',
    ])
      expect(isBlockedAddress(a), a).toBe(true);
    for (const a of [
      '93.184.216.34',
      '1.1.1.1',
      '::ffff:93.184.216.34',
      '2606:4700:4700::1111',
      '2a00:1450::1',
    ])
      expect(isBlockedAddress(a), a).toBe(false);
  });

  it('refuses other schemes, credentials in the URL and names resolving to loopback', async () => {
    for (const url of [
      'ftp://example.com/',
      'file:///etc/passwd',
      'http://u:p@example.com/',
      'http://localhost/',
    ])
      await expect(safeFetch(url), url).rejects.toBeInstanceOf(OutboundRefused);
    await expect(
      checkOutboundUrl(`${origin}/`, { protocols: ['https:'], allowPrivate: allow }),
    ).rejects.toThrow(/scheme http/);
    await expect(checkOutboundUrl('https://nonexistent.invalid/')).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('reads at most maxBytes of a body', async () => {
    const res = await safeFetch(`${origin}/big`, { allowPrivate: allow, maxBytes: 1000 });
    expect(res.body.length).toBe(1000);
    expect(res.truncated).toBe(true);
  });

  it('gives up at its deadline on a body that never ends', async () => {
    const started = performance.now();
    await expect(safeFetch(`${origin}/hang`, { allowPrivate: allow, timeoutMs: 300 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a malformed redirect is refused, not thrown as a bug', async () => {
    await expect(
      safeFetch(`${origin}/to?s=302&l=${encodeURIComponent('http://[::1')}`, {
        allowPrivate: allow,
        maxRedirects: 1,
      }),
    ).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('returns a redirect unfollowed by default; follows it within the cap when asked', async () => {
    const res = await safeFetch(to('/ok', 307), { allowPrivate: allow });
    expect(res.status).toBe(307);
    const followed = await safeFetch(to('/ok'), { allowPrivate: allow, maxRedirects: 1 });
    expect([followed.status, followed.url.pathname]).toEqual([200, '/ok']);
    await expect(safeFetch(to(to('/ok')), { allowPrivate: allow, maxRedirects: 1 })).rejects.toThrow(
      /too many redirects/,
    );
  });

  it('a 303 continues as a GET without the body; a 307 keeps method and body', async () => {
    const post = {
      method: 'POST' as const,
      // Explicit lengths, as web-push sends them: a GET after a 303 must not promise a body.
      headers: { 'Content-Type': 'text/plain', 'Content-Length': '5' },
      body: 'hello',
      allowPrivate: allow,
      maxRedirects: 1,
      timeoutMs: 2000,
    };
    seen.length = 0;
    await safeFetch(to('/after-303', 303), post);
    await safeFetch(to('/after-307', 307), post);
    const landed = seen.filter((s) => s.url.startsWith('/after'));
    expect(landed.map((s) => [s.url, s.method, s.body])).toEqual([
      ['/after-303', 'GET', ''],
      ['/after-307', 'POST', 'hello'],
    ]);
  });

  it('credentials meant for one origin are not sent to another', async () => {
    seen.length = 0;
    // Another origin, the same test server: its IPv4-mapped IPv6 address.
    const other = origin.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    await safeFetch(to(`${other}/landed`), {
      headers: { Authorization: 'Bearer secret', 'x-kept': '1' },
      allowPrivate: [...allow, new URL(other).host],
      maxRedirects: 1,
    });
    const landed = seen.find((s) => s.url === '/landed');
    expect(landed?.headers.authorization).toBeUndefined();
    expect(landed?.headers['x-kept']).toBe('1');
  });
});
