import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { createPrivateFileOnce } from '../../../platform/fs/private-files.ts';

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

/**
 * Sends one encrypted Web Push message (RFC 8291, aes128gcm) signed with our VAPID key. web-push
 * builds and encrypts the request; we post it with fetch (so a local http endpoint works in tests).
 * A 404/410 means the subscription is gone (the caller forgets it); other failures throw so the
 * job retries.
 */
export function createPushSender(deps: { keys: VapidKeys; subject: string }) {
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
    const res = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body as Buffer) : null,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404 || res.status === 410) return 'gone';
    if (!res.ok) throw new Error(`push service answered ${res.status}`);
    return 'sent';
  };
}
