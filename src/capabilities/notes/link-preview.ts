import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export interface LinkPreview {
  title: string | null;
  description: string | null;
  site: string | null;
}

export interface LinkFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Test-only: `host:port` pairs that may be reached although they are private (a local test HTTP
   * server). Production passes nothing, so every private address is refused.
   */
  allowPrivate?: readonly string[];
}

export class LinkRefused extends Error {
  readonly code = 'link_refused';
}

// Addresses a link must never reach: loopback, private, link-local (cloud metadata), CGNAT,
// unspecified, multicast and reserved ranges, IPv4-mapped IPv6 included.
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Resolves the host and checks every address; the request then goes to the checked address only. */
async function resolveSafe(url: URL, allow: readonly string[]): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LinkRefused(`scheme ${url.protocol}`);
  if (url.username || url.password) throw new LinkRefused('credentials in URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  if (!addresses.length) throw new LinkRefused(`no address for ${host}`);
  if (allow.includes(`${host}:${port}`)) return addresses[0] as string;
  const bad = addresses.find(isBlockedAddress);
  if (bad) throw new LinkRefused(`${host} resolves to a private address`);
  return addresses[0] as string;
}

function get(url: URL, address: string, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        signal,
        headers: {
          'user-agent': 'SecretaryBot/1.0 (link preview)',
          accept: 'text/html,application/xhtml+xml',
        },
        // Pin the connection to the address that was checked (no second DNS answer to rebind to).
        lookup: (_host, _opts, cb) =>
          cb(null, [{ address, family: isIP(address) }] as never, undefined as never),
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    const room = maxBytes - size;
    chunks.push(chunk.subarray(0, room));
    size += Math.min(chunk.length, room);
    if (size >= maxBytes) break; // enough for the <head>; the rest is never read
  }
  res.destroy();
  return Buffer.concat(chunks).toString('utf8');
}

/** Fetches a page's title, description and site name; refuses private targets at every redirect hop. */
export async function fetchLinkPreview(raw: string, options: LinkFetchOptions = {}): Promise<LinkPreview> {
  const { timeoutMs = 5000, maxBytes = 256 * 1024, maxRedirects = 3, allowPrivate = [] } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = new URL(raw);
  for (let hop = 0; ; hop++) {
    const address = await resolveSafe(url, allowPrivate);
    const res = await get(url, address, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.destroy();
      if (hop >= maxRedirects) throw new LinkRefused('too many redirects');
      url = new URL(res.headers.location, url);
      continue;
    }
    if (status !== 200) {
      res.destroy();
      throw new LinkRefused(`status ${status}`);
    }
    const type = String(res.headers['content-type'] ?? '');
    if (!/^(text\/html|application\/xhtml\+xml)/i.test(type)) {
      res.destroy();
      return { title: null, description: null, site: url.hostname };
    }
    return parseHead(await readCapped(res, maxBytes), url);
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};
const decode = (s: string) =>
  s
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300) || null;

function meta(html: string, name: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    const content = /content\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (key === name && content !== undefined) return decode(content);
  }
  return null;
}

export function parseHead(html: string, url: URL): LinkPreview {
  const title = meta(html, 'og:title') ?? decode(/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '');
  return {
    title,
    description: meta(html, 'og:description') ?? meta(html, 'description'),
    site: meta(html, 'og:site_name') ?? url.hostname,
  };
}
