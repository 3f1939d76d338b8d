import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { createPrivateFileOnce } from '../../../platform/fs/private-files.ts';
import { OutboundRefused, safeFetch } from '../../../platform/outbound/safe-fetch.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface PushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The server's VAPID keys: read from `dir/vapid.json`, generated there (owner-only) on first start. */
export function loadVapidKeys(dir: string): VapidKeys {
  const file = join(dir, 'vapid.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
  // Of several processes starting at once, one set of keys wins and all read it whole.
  const { content } = createPrivateFileOnce(file, JSON.stringify(webpush.generateVAPIDKeys()));
  return JSON.parse(content) as VapidKeys;
}

export type PushOutcome = 'sent' | 'gone';

/** Where pushes may go: https push services (plain http too in the sandbox), public addresses only. */
export interface PushTargetPolicy {
  protocols: readonly string[];
  /** Test-only `host:port` pairs of a local push server (see SafeFetchOptions.allowPrivate). */
  allowPrivate: readonly string[];
}

export function pushTargetPolicy(
  development: boolean,
  allowPrivate: readonly string[] = [],
): PushTargetPolicy {
  return { protocols: development ? ['https:', 'http:'] : ['https:'], allowPrivate };
}

/**
 * Sends one encrypted Web Push message (RFC 8291, aes128gcm) signed with our VAPID key. web-push
 * builds and encrypts the request; the SSRF-safe fetch posts it to the endpoint's checked address
 * and follows no redirect (a push service never redirects; a 3xx is a failure). A 404/410 means
 * the subscription is gone (the caller forgets it), and so is an endpoint the safe fetch refuses
 * for what it is — a private address, a scheme not allowed here (one stored before these checks,
 * or a name rebound since): it is no browser's. Other failures (a host that does not resolve now
 * included) throw, so this one endpoint's job retries.
 */
export function createPushSender(deps: { keys: VapidKeys; subject: string; policy: PushTargetPolicy }) {
  return async function sendPush(
    subscription: PushSubscription,
    payload: { title: string; body: string },
  ): Promise<PushOutcome> {
    const request = webpush.generateRequestDetails(subscription, JSON.stringify(payload), {
      vapidDetails: {
        subject: deps.subject,
        publicKey: deps.keys.publicKey,
        privateKey: deps.keys.privateKey,
      },
      TTL: 3600,
      contentEncoding: 'aes128gcm',
    });
    const res = await safeFetch(request.endpoint, {
      method: 'POST',
      headers: request.headers as Record<string, string>,
      ...(request.body ? { body: new Uint8Array(request.body as Buffer) } : {}),
      timeoutMs: 10_000,
      maxBytes: 4096,
      maxRedirects: 0,
      protocols: deps.policy.protocols,
      allowPrivate: deps.policy.allowPrivate,
    }).catch((error: unknown) => {
      if (error instanceof OutboundRefused && (error.reason === 'address' || error.reason === 'url'))
        return null;
      throw error;
    });
    if (!res || res.status === 404 || res.status === 410) return 'gone';
    if (res.status < 200 || res.status >= 300) throw new Error(`push service answered ${res.status}`);
    return 'sent';
  };
}
