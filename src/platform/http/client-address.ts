import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { forwardedAddress, type TrustProxy, trustedProxyMatcher } from './trusted-proxies.ts';

export type { TrustProxy } from './trusted-proxies.ts';

// One matcher per TRUST_PROXY value (the config object lives as long as the process).
const matchers = new WeakMap<TrustProxy, (address: string) => boolean>();
function matcherOf(trust: TrustProxy): (address: string) => boolean {
  let match = matchers.get(trust);
  if (!match) {
    match = trustedProxyMatcher(trust);
    matchers.set(trust, match);
  }
  return match;
}

/** The socket's peer: the machine that opened the connection (null under app.request() in tests). */
export function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The address a request came from, for per-address limits. X-Forwarded-For is anyone's to write, so
 * it is read only when the socket's peer is a trusted proxy (TRUST_PROXY), and then from the right:
 * each trusted hop vouches for the entry it appended, so the walk goes left past trusted proxies
 * (at most `maxHops`) and stops at the first address that is not one — the client. Whatever a client
 * put further left is never reached. A peer that is not trusted is itself the client.
 */
export function clientAddress(c: Context, trust: TrustProxy): string | null {
  const peer = peerAddress(c);
  if (peer === null || trust.maxHops === 0) return peer;
  const trusted = matcherOf(trust);
  if (!trusted(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').filter((part) => part.trim());
  let client = peer;
  for (let hops = 0; hops < trust.maxHops && trusted(client); hops++) {
    const entry = forwarded.pop();
    if (entry === undefined) break; // reached us directly, or the proxies said nothing more
    const address = forwardedAddress(entry);
    // A trusted proxy that wrote something other than an address: the proxy is the best we know.
    if (address === null) break;
    client = address;
  }
  return client;
}
