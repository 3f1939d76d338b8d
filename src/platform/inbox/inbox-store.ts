import type { Update } from '@grammyjs/types';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../db/database.ts';
import { sanitizeUpdate } from '../http/safe-input.ts';
import type { JobQueue, QueueDefinition } from '../jobs/job-queue.ts';
import { isTakeCollision } from '../jobs/pg-boss/take-jobs.ts';
import { currentTraceId, newTraceId } from '../observability/trace.ts';
import { telegramUpdates } from './inbox-schema.ts';
import type { NewUpdate } from './update-claims.ts';

/**
 * Stored updates are handled by jobs keyed by chat: one chat strictly in order (a retrying update
 * holds back the chat's later ones), different chats in parallel, on any number of workers.
 */
export const UPDATES_QUEUE: QueueDefinition = {
  name: 'telegram.updates',
  policy: 'key_strict_fifo',
  retryLimit: 3,
  retryDelaySeconds: 1,
  retryDelayMaxSeconds: 15,
  expireInSeconds: 120,
  heartbeatSeconds: 10,
};

export interface UpdateJob {
  update_id: number;
}

export interface UpdateShape {
  chatId: number | null;
  fromId: number | null;
  kind: string;
}

/** Which chat and person an update belongs to, for ordering and flood control. */
export function describeUpdate(update: Update): UpdateShape {
  const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  // biome-ignore lint/suspicious/noExplicitAny: every update kind is probed for the same optional fields.
  const body = (update as any)[kind] ?? {};
  const chat = body.chat ?? body.message?.chat ?? null;
  const from = body.from ?? body.user ?? null;
  return {
    kind,
    chatId: typeof chat?.id === 'number' ? chat.id : null,
    fromId: typeof from?.id === 'number' ? from.id : null,
  };
}

export function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id) &&
    Object.keys(value).length >= 2
  );
}

/** The per-chat FIFO key of an update's job (by chat, else by person). */
export const orderingKey = (shape: Pick<UpdateShape, 'chatId' | 'fromId'>) =>
  shape.chatId !== null
    ? `chat:${shape.chatId}`
    : shape.fromId !== null
      ? `user:${shape.fromId}`
      : `u:${uuidv7()}`;

/**
 * How a process that stores updates runs them itself at once (the update worker provides it):
 * in the storing transaction it takes the new jobs that are next in their chat — as if fetched —
 * and claims their updates; after the commit it runs them. The job stays the fallback: a crash
 * leaves a lapsed claim, and the claim sweep gives the job back to the queue.
 */
export interface DirectRuns {
  /** How many more updates may start here now. */
  free(): number;
  /** Whether an update of this chat runs here now (its next ones queue behind it). */
  running(key: string): boolean;
  /** One update alone: stored with its job taken in one statement (see UpdateClaims.storeTaken). */
  storeTaken(update: NewUpdate): Promise<'taken' | 'duplicate' | 'queue'>;
  take(tx: Tx, jobIds: readonly string[]): Promise<Taken[]>;
  /** After the commit: runs what take() took. */
  start(runs: ReadonlyArray<Taken & { key: string; update: Update }>): void;
  /** After the commit: jobs queued for these chats (a chat running here wakes a worker when done). */
  queued(keys: readonly string[]): void;
  /** The transaction failed: let go of what take() claimed. */
  abandon(taken: readonly Taken[]): void;
}

export interface Taken {
  updateId: number;
  jobId: string;
}

export interface StoreDeps {
  db: Db;
  jobs: JobQueue;
  /** This process's direct runs, once its update worker is up. */
  direct?: () => DirectRuns | null;
}

/**
 * Stores updates and their processing jobs in one commit: a lone update this process may run
 * itself in one statement (stored, claimed, its job created taken); otherwise a transaction of two
 * statements however many updates, a third when this process takes some of their jobs. Duplicates
 * (same update_id) are dropped. Returns how many were new. Only after this resolves may the
 * updates be acknowledged.
 */
export async function storeUpdates(deps: StoreDeps, updates: readonly Update[]): Promise<number> {
  if (updates.length === 0) return 0;
  const traceId = currentTraceId();
  // Every ingress path (webhook and long polling) stores text PostgreSQL accepts: no NUL, no lone
  // surrogates (jsonb refuses both); the webhook route has already done it, a second pass is a no-op.
  const unique = [...new Map(updates.map((u) => [u.update_id, sanitizeUpdate(u)])).values()];
  const rows = unique.map((update) => {
    const shape = describeUpdate(update);
    return { update, shape, traceId: traceId ?? newTraceId(), jobId: uuidv7(), key: orderingKey(shape) };
  });
  const direct = deps.direct?.() ?? null;
  try {
    const [one] = rows;
    // The usual case, one update and a free slot: stored and taken in one statement (its own
    // commit), so it starts after a single round trip to the database.
    if (direct && one && rows.length === 1 && direct.free() > 0 && !direct.running(one.key)) {
      const outcome = await direct.storeTaken({ values: valuesOf(one), jobId: one.jobId, key: one.key });
      if (outcome === 'duplicate') return 0;
      if (outcome === 'taken') {
        direct.start([
          { updateId: one.update.update_id, jobId: one.jobId, key: one.key, update: one.update },
        ]);
        return 1;
      }
      return await store(deps, rows, direct, false); // its chat is busy: behind the others
    }
    return await store(deps, rows, direct, true);
  } catch (error) {
    // Another process took a job of the same chat at the same moment: store as a plain queue would.
    if (direct && isTakeCollision(error)) return store(deps, rows, direct, false);
    throw error;
  }
}

type Row = { update: Update; shape: UpdateShape; traceId: string; jobId: string; key: string };

const valuesOf = ({ update, shape, traceId }: Row) => ({
  updateId: update.update_id,
  chatId: shape.chatId,
  fromId: shape.fromId,
  kind: shape.kind,
  payload: update,
  traceId,
});

async function store(
  deps: StoreDeps,
  rows: readonly Row[],
  direct: DirectRuns | null,
  mayTake: boolean,
): Promise<number> {
  let taken: Taken[] = [];
  try {
    const fresh = await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(telegramUpdates)
        .values(rows.map(valuesOf))
        .onConflictDoNothing()
        .returning({ updateId: telegramUpdates.updateId });
      const isNew = new Set(inserted.map((r) => r.updateId));
      // Jobs in update_id order: they share created_on, and their time-ordered ids keep each chat's
      // order (ids are made here, in update order, so direct runs know their jobs).
      const jobs = rows
        .filter((r) => isNew.has(r.update.update_id))
        .sort((a, b) => a.update.update_id - b.update.update_id);
      await deps.jobs.sendMany(
        UPDATES_QUEUE.name,
        jobs.map((r) => ({
          id: r.jobId,
          data: { update_id: r.update.update_id } satisfies UpdateJob,
          singletonKey: r.key,
        })),
        { tx },
      );
      const free = mayTake ? (direct?.free() ?? 0) : 0;
      if (free > 0 && jobs.length > 0) {
        // The first new update of each chat is a candidate; whether it is next in its chat (no
        // earlier update of the chat still queued or running anywhere) is the statement's to say.
        const chats = new Set<string>();
        const firstOfChat = jobs.filter(
          (r) => !chats.has(r.key) && chats.add(r.key) && !(direct as DirectRuns).running(r.key),
        );
        taken = await (direct as DirectRuns).take(
          tx,
          firstOfChat.slice(0, free).map((r) => r.jobId),
        );
        // Before the commit: its NOTIFY may reach this process before the commit's answer does.
        if (taken.length === jobs.length) deps.jobs.tookAll(UPDATES_QUEUE.name);
      }
      return jobs.length;
    });
    if (direct && taken.length > 0) {
      const byId = new Map(rows.map((r) => [r.update.update_id, r]));
      direct.start(
        taken.map((t) => {
          const row = byId.get(t.updateId) as (typeof rows)[number];
          return { ...t, key: row.key, update: row.update };
        }),
      );
    }
    if (fresh > taken.length) {
      const ran = new Set(taken.map((t) => t.updateId));
      direct?.queued(rows.filter((r) => !ran.has(r.update.update_id)).map((r) => r.key));
      deps.jobs.wake(UPDATES_QUEUE.name, fresh - taken.length);
    }
    return fresh;
  } catch (error) {
    if (taken.length > 0) direct?.abandon(taken);
    throw error;
  }
}

/**
 * Group commit for webhook requests: each request waits for a transaction that also carries the
 * requests that arrived while the previous one was committing. Idle: a request is written at once;
 * busy: one commit serves many requests, which is what lets acknowledgements keep up.
 */
export function createUpdateWriter(deps: StoreDeps, maxBatch = 200): (update: Update) => Promise<void> {
  let pending: Array<{ update: Update; done: (error?: unknown) => void }> = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        await storeUpdates(
          deps,
          batch.map((b) => b.update),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    writing = false;
  };
  return (update) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ update, done: (error) => (error ? reject(error) : resolve()) });
      if (!writing) void flush();
    });
}
