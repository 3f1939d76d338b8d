import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * The one way the server fetches a URL a person supplied (a link in a note, a browser's Web Push
 * endpoint): the host is resolved once, every address is checked, and the connection goes to the
 * checked address (no second DNS answer to rebind to). Redirects are re-checked hop by hop.
 */
export interface SafeFetchOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** The whole exchange: resolving, connecting, every hop and reading the body. */
  timeoutMs?: number;
  /** The body is read up to this many bytes; the rest is never read (`truncated`). */
  maxBytes?: number;
  /** 0 (the default): a 3xx is the answer, not followed. */
  maxRedirects?: number;
  /** Schemes a URL may have (default http and https). */
  protocols?: readonly string[];
  /** Whether to read the body of this answer at all (e.g. only HTML); default yes. */
  readBody?: (status: number, headers: IncomingHttpHeaders) => boolean;
  /**
   * Test-only: `host:port` pairs (as written in the URL) that may be reached although private (a
   * local test server). Only code sets it — a composition root or a test — never configuration
   * or a request; production passes nothing, so every private address is refused.
   */
  allowPrivate?: readonly string[];
}

export interface SafeResponse {
  status: number;
  /** Where the answer came from (after the redirects followed). */
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

/**
 * The URL may not be fetched. `reason`: `url` (not a URL, a scheme not allowed, credentials),
 * `address` (it resolves to an address no person's URL may reach), `unresolved` (no address now:
 * may be passing), `redirects` (more than allowed).
 */
export class OutboundRefused extends Error {
  readonly code = 'outbound_refused';
  override name = 'OutboundRefused';
  readonly reason: 'url' | 'address' | 'unresolved' | 'redirects';
  constructor(message: string, reason: OutboundRefused['reason']) {
    super(message);
    this.reason = reason;
  }
}

// Loopback, private, link-local (cloud metadata), CGNAT, unspecified, documentation, benchmarking,
// multicast and reserved ranges; IPv6 forms that embed an IPv4 address (compatible, mapped,
// translated, 6to4, NAT64) are refused whole rather than decoded.
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** True for every address a person's URL must not reach (and for anything that is not an IP). */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  // BlockList matches ::ffff:a.b.c.d in hex form against the IPv4 rules itself.
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function parse(raw: string | URL, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('not a URL', 'url');
  }
  if (!protocols.includes(url.protocol)) throw new OutboundRefused(`scheme ${url.protocol}`, 'url');
  if (url.username || url.password) throw new OutboundRefused('credentials in URL', 'url');
  return url;
}

/** Resolves the host and checks every address; returns the addresses the request may use. */
async function resolvePinned(url: URL, allow: readonly string[], signal: AbortSignal): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    signal.throwIfAborted();
    // lookup() takes no signal: race it, so a hanging resolver is bounded by the same deadline.
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), aborted]).catch(
      (error: { code?: string }) => {
        if (error.code === 'ENOTFOUND' || error.code === 'ENODATA')
          throw new OutboundRefused(`no address for ${host}`, 'unresolved');
        throw error;
      },
    );
    addresses = found.map((a) => a.address);
  }
  if (addresses.length === 0) throw new OutboundRefused(`no address for ${host}`, 'unresolved');
  if (allow.includes(`${url.hostname}:${port}`)) return addresses;
  if (addresses.some(isBlockedAddress))
    throw new OutboundRefused(`${host} resolves to a private address`, 'address');
  return addresses;
}

/**
 * Checks a URL a person hands in to be fetched later (a push endpoint): scheme, no credentials,
 * and every address its host resolves to now. The fetch checks again (DNS may have changed).
 */
export async function checkOutboundUrl(
  raw: string,
  options: Pick<SafeFetchOptions, 'protocols' | 'allowPrivate' | 'timeoutMs'> = {},
): Promise<URL> {
  const url = parse(raw, options.protocols ?? ['https:', 'http:']);
  await resolvePinned(url, options.allowPrivate ?? [], AbortSignal.timeout(options.timeoutMs ?? 3000)).catch(
    (error: Error) => {
      // A host that cannot be resolved now cannot be checked either: refused, not a server error.
      if (error instanceof OutboundRefused) throw error;
      throw new OutboundRefused(`${url.hostname} could not be resolved: ${error.message}`, 'unresolved');
    },
  );
  return url;
}

function send(
  url: URL,
  addresses: string[],
  init: { method: string; headers: Record<string, string>; body?: Uint8Array | string },
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const pinned = addresses.map((address) => ({ address, family: isIP(address) }));
  const [first] = pinned as [{ address: string; family: number }];
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method,
        signal,
        // A fresh connection each time: a pooled socket would skip the address check of this call.
        agent: false,
        headers: init.headers,
        // Pin the connection to the checked addresses (all of them when the socket tries each
        // family in turn); TLS still verifies the certificate for the URL's host name.
        lookup: (_host, opts, cb) =>
          (opts as { all?: boolean }).all
            ? (cb as (e: null, a: typeof pinned) => void)(null, pinned)
            : cb(null, first.address, first.family),
      },
      resolve,
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function readCapped(res: IncomingMessage, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    const room = maxBytes - size;
    chunks.push(chunk.subarray(0, room));
    size += Math.min(chunk.length, room);
    if (size >= maxBytes) {
      truncated = chunk.length > room || !res.readableEnded;
      break; // the rest is never read
    }
  }
  res.destroy();
  return { body: Buffer.concat(chunks), truncated };
}

/** Fetches a person-supplied URL; refuses private targets at every hop (see the module comment). */
export async function safeFetch(raw: string | URL, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const { timeoutMs = 10_000, maxBytes = 1024 * 1024, maxRedirects = 0, allowPrivate = [] } = options;
  const protocols = options.protocols ?? ['https:', 'http:'];
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parse(raw, protocols);
  let init = { method: options.method ?? 'GET', headers: { ...options.headers }, body: options.body };
  for (let hop = 0; ; hop++) {
    const addresses = await resolvePinned(url, allowPrivate, signal);
    const res = await send(url, addresses, init, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location && maxRedirects > 0) {
      res.destroy();
      if (hop >= maxRedirects) throw new OutboundRefused('too many redirects', 'redirects');
      const next = parse(URL.parse(location, url) ?? 'invalid:', protocols);
      const without = (names: RegExp) =>
        Object.fromEntries(Object.entries(init.headers).filter(([k]) => !names.test(k)));
      // 303, and 301/302 after a POST, continue as a GET without the body (as browsers do).
      if (status === 303 || ((status === 301 || status === 302) && init.method !== 'GET'))
        init = { method: 'GET', headers: without(/^content-/i), body: undefined };
      // Credentials meant for one origin never travel to another.
      if (next.origin !== url.origin) init = { ...init, headers: without(/^(authorization|cookie)$/i) };
      url = next;
      continue;
    }
    if (options.readBody && !options.readBody(status, res.headers)) {
      res.destroy();
      return { status, url, headers: res.headers, body: Buffer.alloc(0), truncated: false };
    }
    return { status, url, headers: res.headers, ...(await readCapped(res, maxBytes)) };
  }
}
