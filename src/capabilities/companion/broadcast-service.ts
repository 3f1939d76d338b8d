import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../platform/db/database.ts';
import { users } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import { type Segment, segmentWhere } from './broadcast-segment.ts';
import {
  type BroadcastStatus,
  companionBroadcastRecipients,
  companionBroadcasts,
} from './companion-tables.ts';

export const BROADCAST_QUEUE = 'companion.broadcast';

export interface BroadcastJob {
  broadcastId: string;
}

export interface BroadcastInput {
  text: string;
  buttons?: Array<{ text: string; url: string }>;
  segment: Segment;
  createdBy: string | null;
  /** Where the live progress message goes (the admin's chat); none for API-only broadcasts. */
  progressChatId?: number | null;
  /** A draft waits for the admin's confirmation after the preview; otherwise delivery starts at once. */
  draft?: boolean;
}

export type Broadcast = typeof companionBroadcasts.$inferSelect;

const notFound = (id: string) => new DomainError('not_found', 'broadcast_not_found', `No broadcast ${id}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Broadcasts: the recipients are fixed when it is created; a job delivers them in chunks. */
export function createBroadcastService(deps: { db: Db; jobs: JobPort; now: () => Date }) {
  const { db, jobs, now } = deps;
  const enqueue = (broadcastId: string, tx?: Tx) =>
    jobs.send<BroadcastJob>(BROADCAST_QUEUE, { broadcastId }, { group: broadcastId, ...(tx ? { tx } : {}) });

  async function get(id: string): Promise<Broadcast> {
    if (!UUID.test(id)) throw notFound(id);
    const [row] = await db.select().from(companionBroadcasts).where(eq(companionBroadcasts.id, id));
    if (!row) throw notFound(id);
    return row;
  }

  /**
   * Moves `from` → `to` atomically; anything else is a conflict naming the current status. `start`
   * enqueues the worker: always, or only when the broadcast was paused (no worker is running then,
   * and one must write the final statistics into the progress message).
   */
  async function transition(
    id: string,
    from: BroadcastStatus[],
    to: BroadcastStatus,
    start: boolean | 'if-paused',
  ) {
    const current = await get(id);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(companionBroadcasts)
        .set({
          status: to,
          ...(to === 'running' && !current.startedAt ? { startedAt: now() } : {}),
          ...(to === 'cancelled' ? { finishedAt: now() } : {}),
        })
        .where(
          and(
            eq(companionBroadcasts.id, id),
            sql`${companionBroadcasts.status} IN (${sql.join(
              from.map((s) => sql`${s}`),
              sql`, `,
            )})`,
          ),
        )
        .returning();
      if (!row)
        throw new DomainError(
          'conflict',
          'broadcast_state',
          `Broadcast ${id} is ${current.status}, cannot ${to}`,
          {
            status: current.status,
          },
        );
      if (start === true || (start === 'if-paused' && current.status === 'paused')) await enqueue(id, tx);
      return row;
    });
  }

  return {
    get,
    async create(input: BroadcastInput): Promise<Broadcast> {
      const id = uuidv7();
      const at = now();
      const status: BroadcastStatus = input.draft ? 'draft' : 'running';
      return db.transaction(async (tx) => {
        await tx.insert(companionBroadcasts).values({
          id,
          createdBy: input.createdBy,
          text: input.text,
          buttons: input.buttons ?? [],
          segment: input.segment,
          status,
          total: 0,
          sent: 0,
          failed: 0,
          blocked: 0,
          progressChatId: input.progressChatId ?? null,
          startedAt: input.draft ? null : at,
          createdAt: at,
        });
        const picked = await tx
          .insert(companionBroadcastRecipients)
          .select(
            tx
              .select({
                broadcastId: sql<string>`${id}::uuid`.as('broadcast_id'),
                userId: users.id,
                chatId: sql<number>`${users.telegramId}`.as('chat_id'),
                state: sql<'pending'>`'pending'`.as('state'),
                error: sql<null>`NULL`.as('error'),
                doneAt: sql<null>`NULL::timestamptz`.as('done_at'),
              })
              .from(users)
              .where(segmentWhere(input.segment, at)),
          )
          .returning({ userId: companionBroadcastRecipients.userId });
        const [row] = await tx
          .update(companionBroadcasts)
          .set({ total: picked.length })
          .where(eq(companionBroadcasts.id, id))
          .returning();
        if (!input.draft) await enqueue(id, tx);
        return row as Broadcast;
      });
    },
    /** The admin confirmed the preview. */
    start: (id: string) => transition(id, ['draft'], 'running', true),
    pause: (id: string) => transition(id, ['running'], 'paused', false),
    resume: (id: string) => transition(id, ['paused'], 'running', true),
    cancel: (id: string) => transition(id, ['draft', 'running', 'paused'], 'cancelled', 'if-paused'),
  };
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;
