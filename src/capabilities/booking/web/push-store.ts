import { eq } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from '../../../platform/db/columns.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import type { JobPort } from '../../../platform/jobs/job-queue.ts';
import type { Logger } from '../../../platform/observability/logger.ts';
import type { PushOutcome, PushSubscription } from './web-push.ts';

// Mirrors booking_push_subscriptions in migrations/0011_booking.sql.
export const bookingPushSubscriptions = pgTable('booking_push_subscriptions', {
  endpoint: text('endpoint').primaryKey(),
  clientId: uuid('client_id').notNull(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const BOOKING_PUSH_QUEUE = 'booking.push';

export interface PushJob {
  clientId: string;
  title: string;
  body: string;
}

/** Remembers a browser's subscription for a client (a re-subscribe of the same endpoint moves it). */
export async function saveSubscription(db: Db, clientId: string, sub: PushSubscription): Promise<void> {
  await db
    .insert(bookingPushSubscriptions)
    .values({ endpoint: sub.endpoint, clientId, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
    .onConflictDoUpdate({
      target: bookingPushSubscriptions.endpoint,
      set: { clientId, p256dh: sub.keys.p256dh, auth: sub.keys.auth },
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

/** The worker: sends to each of the client's subscriptions and forgets the ones the browser dropped. */
export function createPushHandler(deps: {
  db: Db;
  logger: Logger;
  send: (sub: PushSubscription, payload: { title: string; body: string }) => Promise<PushOutcome>;
}) {
  return async ({ data }: { data: PushJob }) => {
    const subs = await deps.db
      .select()
      .from(bookingPushSubscriptions)
      .where(eq(bookingPushSubscriptions.clientId, data.clientId));
    let sent = 0;
    for (const s of subs) {
      const outcome = await deps.send(
        { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
        { title: data.title, body: data.body },
      );
      if (outcome === 'gone')
        await deps.db
          .delete(bookingPushSubscriptions)
          .where(eq(bookingPushSubscriptions.endpoint, s.endpoint));
      else sent++;
    }
    return { sent };
  };
}
