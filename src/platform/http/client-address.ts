import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for per-address limits. X-Forwarded-For is anyone's to write, so
 * it counts only for `trustedProxies` hops (TRUST_PROXY): the socket's peer is the nearest proxy, and
 * each trusted hop vouches for the entry it appended — the client is the entry that many places from
 * the right. With 0 (the default) the header is ignored and the socket's peer is the client.
 */
export function clientAddress(c: Context, trustedProxies: number): string | null {
  let peer: string | null;
  try {
    peer = getConnInfo(c).remote.address ?? null;
  } catch {
    peer = null; // app.request() in tests has no socket
  }
  if (trustedProxies === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = peer === null ? forwarded : [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer;
}
