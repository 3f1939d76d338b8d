import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { checkOutboundUrl, OutboundRefused } from '../../../platform/outbound/safe-fetch.ts';
import { bookingClients } from '../booking-tables.ts';
import type { BookingPagesDeps, PageKit } from './page-kit.ts';
import { MAX_PUSH_SUBSCRIPTIONS, saveSubscription } from './push-store.ts';
import type { PushTargetPolicy } from './web-push.ts';

const MAX_ENDPOINT = 1000;

/**
 * The browser's push subscription for the signed-in web client. The endpoint is a URL the server
 * will POST to, so it is checked like any person-supplied URL (https, public addresses) before it
 * is stored; an endpoint registered to another client is refused (409), and past
 * MAX_PUSH_SUBSCRIPTIONS browsers the oldest subscription is dropped (a person who changed
 * browsers is never locked out, and nobody holds more than the cap).
 */
export function addPushPages(app: Hono, deps: BookingPagesDeps, kit: PageKit, policy: PushTargetPolicy) {
  app.post('/push/subscribe', async (c) => {
    if (!kit.sameOrigin(c)) return c.json({ title: 'Cross-site request refused' }, 403);
    const user = await kit.sessionUser(c);
    if (!user) return c.json({ title: 'Sign in first (POST /app/booking/login)' }, 401);
    const body = (await c.req.json().catch(() => null)) as {
      endpoint?: unknown;
      keys?: { p256dh?: unknown; auth?: unknown };
    } | null;
    const endpoint = typeof body?.endpoint === 'string' ? body.endpoint : '';
    const p256dh = body?.keys?.p256dh;
    const auth = body?.keys?.auth;
    if (
      !(await pushEndpointAllowed(endpoint, policy)) ||
      typeof p256dh !== 'string' ||
      typeof auth !== 'string' ||
      !/^[\w-]{40,200}$/.test(p256dh) ||
      !/^[\w-]{8,64}$/.test(auth)
    )
      return c.json(
        {
          title:
            'Send the browser’s PushSubscription: {endpoint (an https push service), keys: {p256dh, auth}}',
        },
        400,
      );
    const [client] = await deps.db
      .select({ id: bookingClients.id })
      .from(bookingClients)
      .where(eq(bookingClients.userId, user.id));
    if (!client) return c.json({ title: 'Book first; notifications are about your bookings' }, 409);
    const saved = await saveSubscription(deps.db, client.id, { endpoint, keys: { p256dh, auth } });
    if (saved === 'taken')
      return c.json(
        { title: 'This push endpoint belongs to another account; subscribe this browser anew' },
        409,
      );
    return c.json({ subscribed: true, max_subscriptions: MAX_PUSH_SUBSCRIPTIONS }, 201);
  });
}

/** An endpoint we may POST to: bounded, a permitted scheme, and resolving to public addresses only. */
export async function pushEndpointAllowed(endpoint: string, policy: PushTargetPolicy): Promise<boolean> {
  if (endpoint.length === 0 || endpoint.length > MAX_ENDPOINT) return false;
  try {
    await checkOutboundUrl(endpoint, { protocols: policy.protocols, allowPrivate: policy.allowPrivate });
    return true;
  } catch (error) {
    if (error instanceof OutboundRefused) return false;
    throw error;
  }
}
