import { createHash } from 'node:crypto';
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { JobContext, JobPort } from '../../../platform/jobs/job-queue.ts';
import { bookingClients } from '../booking-tables.ts';
import type { PushOutcome, PushSubscription } from './web-push.ts';

// Mirrors booking_push_subscriptions in migrations/0011_booking.sql (index: 0027).
export const bookingPushSubscriptions = pgTable('booking_push_subscriptions', {
  endpoint: text('endpoint').primaryKey(),
  clientId: uuid('client_id').notNull(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  /** When the browser last subscribed (a re-subscribe renews it): the cap drops the oldest. */
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** One job per notice to a client: it fans out into one delivery job per browser. */
export const BOOKING_PUSH_QUEUE = 'booking.push';
/** One job per browser endpoint: a failing endpoint retries alone, the others are not sent again. */
export const BOOKING_PUSH_ENDPOINT_QUEUE = 'booking.push.endpoint';
/** Browsers one client may have subscribed; a new one beyond it replaces the oldest. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

export interface PushJob {
  clientId: string;
  title: string;
  body: string;
}

export interface PushEndpointJob extends PushJob {
  endpoint: string;
}

/**
 * Remembers a browser's subscription for a client. An endpoint already registered to another
 * client stays theirs ('taken': whoever knows an endpoint URL must not redirect someone's
 * notifications); the same client re-subscribing renews its keys. Past the cap the oldest go.
 */
export async function saveSubscription(
  db: Db,
  clientId: string,
  sub: PushSubscription,
): Promise<'saved' | 'taken'> {
  return db.transaction(async (tx) => {
    // One client's subscribes queue behind each other, so two at once cannot both pass the cap.
    await tx
      .select({ id: bookingClients.id })
      .from(bookingClients)
      .where(eq(bookingClients.id, clientId))
      .for('update');
    const saved = await tx
      .insert(bookingPushSubscriptions)
      .values({ endpoint: sub.endpoint, clientId, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
      .onConflictDoUpdate({
        target: bookingPushSubscriptions.endpoint,
        set: { p256dh: sub.keys.p256dh, auth: sub.keys.auth, createdAt: sql`now()` },
        setWhere: eq(bookingPushSubscriptions.clientId, clientId),
      })
      .returning({ endpoint: bookingPushSubscriptions.endpoint });
    if (saved.length === 0) return 'taken';
    const newest = tx
      .select({ endpoint: bookingPushSubscriptions.endpoint })
      .from(bookingPushSubscriptions)
      .where(eq(bookingPushSubscriptions.clientId, clientId))
      .orderBy(desc(bookingPushSubscriptions.createdAt), desc(bookingPushSubscriptions.endpoint))
      .limit(MAX_PUSH_SUBSCRIPTIONS);
    await tx
      .delete(bookingPushSubscriptions)
      .where(
        and(
          eq(bookingPushSubscriptions.clientId, clientId),
          notInArray(bookingPushSubscriptions.endpoint, newest),
        ),
      );
    return 'saved';
  });
}

/** True when the client has a browser to push to (then Web Push is their channel). */
export async function hasSubscription(db: Db | Tx, clientId: string): Promise<boolean> {
  const rows = await db
    .select({ endpoint: bookingPushSubscriptions.endpoint })
    .from(bookingPushSubscriptions)
    .where(eq(bookingPushSubscriptions.clientId, clientId))
    .limit(1);
  return rows.length > 0;
}

/** Enqueues a push to every browser of a client, in the caller's transaction. */
export function createPushEnqueue(jobs: JobPort) {
  return (tx: Tx | undefined, job: PushJob, key: string) =>
    jobs.send<PushJob>(BOOKING_PUSH_QUEUE, job, { ...(tx ? { tx } : {}), singletonKey: key });
}

/**
 * A delivery job's id, the same whenever this notice fans out to this endpoint: a fan-out that
 * runs twice (it crashed after enqueueing) inserts nothing new (pg-boss skips a known id).
 */
function deliveryId(noticeJobId: string, endpoint: string): string {
  const h = createHash('sha256').update(`${noticeJobId}\n${endpoint}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x80; // UUID version 8 (custom)
  h[8] = ((h[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The notice worker: one delivery job per browser the client has now. */
export function createPushFanOut(deps: { db: Db; jobs: JobPort }) {
  return async ({ id, data }: JobContext<PushJob>) => {
    const subs = await deps.db
      .select({ endpoint: bookingPushSubscriptions.endpoint })
      .from(bookingPushSubscriptions)
      .where(eq(bookingPushSubscriptions.clientId, data.clientId));
    await deps.jobs.sendMany<PushEndpointJob>(
      BOOKING_PUSH_ENDPOINT_QUEUE,
      subs.map((s) => ({
        id: deliveryId(id, s.endpoint),
        data: { clientId: data.clientId, title: data.title, body: data.body, endpoint: s.endpoint },
      })),
    );
    return { endpoints: subs.length };
  };
}

/** The delivery worker: sends to one browser, forgets it when the push service says it is gone. */
export function createPushDelivery(deps: {
  db: Db;
  send: (sub: PushSubscription, payload: { title: string; body: string }) => Promise<PushOutcome>;
}) {
  return async ({ data }: JobContext<PushEndpointJob>) => {
    const mine = and(
      eq(bookingPushSubscriptions.endpoint, data.endpoint),
      eq(bookingPushSubscriptions.clientId, data.clientId),
    );
    const [s] = await deps.db.select().from(bookingPushSubscriptions).where(mine);
    if (!s) return { skipped: 'unsubscribed' };
    const outcome = await deps.send(
      { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
      { title: data.title, body: data.body },
    );
    if (outcome === 'gone') await deps.db.delete(bookingPushSubscriptions).where(mine);
    return { outcome };
  };
}
