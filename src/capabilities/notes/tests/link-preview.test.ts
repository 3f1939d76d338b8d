import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress, OutboundRefused } from '../../../platform/outbound/safe-fetch.ts';
import { fetchLinkPreview } from '../link-preview.ts';

let server: Server;
let hits: string[];
let origin: string;
let allow: string[];

beforeAll(async () => {
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>Fallback</title><meta property="og:title" content="Rust &amp; Go"><meta name="description" content="Two languages"><meta property="og:site_name" content="Blog"></head><body>' +
          'x'.repeat(1_000_000) +
          '</body></html>',
      );
    } else if (req.url?.startsWith('/to?')) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) });
      res.end();
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allow = [`127.0.0.1:${port}`];
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('link preview', () => {
  it('reads og:title, description and site name through the test-only allowance, within the size cap', async () => {
    const preview = await fetchLinkPreview(`${origin}/page`, { allowPrivate: allow, maxBytes: 4096 });
    expect(preview).toEqual({ title: 'Rust & Go', description: 'Two languages', site: 'Blog' });
  });

  it('does not parse what is not HTML', async () => {
    expect(await fetchLinkPreview(`${origin}/pdf`, { allowPrivate: allow })).toEqual({
      title: null,
      description: null,
      site: '127.0.0.1',
    });
  });

  it.each([
    'http://127.0.0.1/',
    `${'http://127.0.0.1:'}1/x`,
    'http://10.1.2.3/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost/',
    'http://192.168.0.1/',
    'ftp://example.com/',
  ])('refuses %s without touching it', async (url) => {
    await expect(fetchLinkPreview(url)).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('the test server itself is refused without the allowance', async () => {
    const before = hits.length;
    await expect(fetchLinkPreview(`${origin}/page`)).rejects.toBeInstanceOf(OutboundRefused);
    expect(hits.length).toBe(before);
  });

  it.each(['http://127.0.0.1:9/', 'http://10.0.0.1/', 'http://169.254.169.254/', 'http://[::1]/'])(
    'a redirect into %s is refused at that hop',
    async (target) => {
      const before = hits.length;
      await expect(
        fetchLinkPreview(`${origin}/to?${encodeURIComponent(target)}`, { allowPrivate: allow }),
      ).rejects.toBeInstanceOf(OutboundRefused);
      expect(hits.length).toBe(before + 1); // only the redirecting page was fetched
    },
  );

  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.5',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '0.0.0.0',
      '100.64.0.1',
    ])
      expect(isBlockedAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111'])
      expect(isBlockedAddress(a), a).toBe(false);
  });
});
