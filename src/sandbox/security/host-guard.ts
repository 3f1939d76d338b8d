import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from './request-guard.ts';

/**
 * DNS rebinding: a page the developer opens at `http://evil.example:3000` re-resolves its own name
 * to 127.0.0.1, and its scripts then read this server as same-origin — every chat, and initData
 * the sandbox signs for any user (an admin's too). The browser still sends `Host: evil.example:3000`,
 * so a local tool answers only to names that cannot be rebound: loopback names and addresses, any
 * IP literal (no DNS lookup is involved, so nothing to rebind), and the names the operator
 * configured (HOST, PUBLIC_URL). The port is not compared: a rebinding page already has to use ours.
 */
export interface HostPolicy {
  /** Host names besides loopback and IP literals (no port). */
  hosts: readonly string[];
}

export interface Refusal {
  status: 421 | 403;
  detail: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** A name this server may be addressed by (the Host check); IP literals are fine here. */
export function isAllowedHost(hostname: string, policy: HostPolicy): boolean {
  const host = bare(hostname);
  return isLoopbackHost(host) || isIP(host) !== 0 || policy.hosts.some((h) => bare(h) === host);
}

/**
 * Why a request must be refused, or null. A state-changing request that carries an Origin must
 * come from this very origin, a loopback page (the Mini App's Vite dev server) or a configured name;
 * an IP-literal Origin is someone else's site, and `Origin: null` (a sandboxed frame, a file) no one's.
 */
export function refuseForeignRequest(request: Request, policy: HostPolicy): Refusal | null {
  const url = new URL(request.url);
  if (!isAllowedHost(url.hostname, policy)) {
    const names = ['localhost', '127.0.0.1', '[::1]', ...policy.hosts].join(', ');
    return {
      status: 421,
      detail:
        `This local server answers only to ${names} or an IP address, not to "${url.host}" ` +
        '(a page could re-point its own name at this machine). Open it by one of those names, ' +
        'or set PUBLIC_URL (or HOST) to the name you use.',
    };
  }
  const origin = request.headers.get('origin');
  if (SAFE_METHODS.has(request.method) || origin === null) return null;
  let from: URL | null = null;
  try {
    from = new URL(origin);
  } catch {
    from = null;
  }
  const sameOrigin = from !== null && from.protocol === url.protocol && from.host === url.host;
  const named =
    from !== null &&
    (isLoopbackHost(bare(from.hostname)) || policy.hosts.some((h) => bare(h) === bare(from.hostname)));
  if (sameOrigin || named) return null;
  return { status: 403, detail: `Requests that change something are refused from the page at ${origin}` };
}

/** The guard as middleware: a problem+json 421 (wrong Host) or 403 (foreign Origin). */
export function hostGuard(
  policy: HostPolicy,
  applies: (path: string) => boolean = () => true,
): MiddlewareHandler {
  return async (c, next) => {
    const refusal = applies(c.req.path) ? refuseForeignRequest(c.req.raw, policy) : null;
    if (!refusal) return next();
    const title = refusal.status === 421 ? 'Misdirected Request' : 'Forbidden';
    return c.json(
      { type: 'about:blank', title, status: refusal.status, detail: refusal.detail },
      refusal.status,
      {
        'content-type': 'application/problem+json',
      },
    );
  };
}
