import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Db, Tx } from '../db/database.ts';
import { type JobQueue, jobEnvelope } from '../jobs/job-queue.ts';
import { deferJob } from '../jobs/pg-boss/defer-job.ts';
import { insertTakenJobSql, keyIsFreeSql, takeJobsSql } from '../jobs/pg-boss/take-jobs.ts';
import type { Logger } from '../observability/logger.ts';
import { telegramUpdates } from './inbox-schema.ts';
import { UPDATES_QUEUE } from './inbox-store.ts';

/**
 * Who handles which update, so a chat whose worker died is freed within seconds rather than after
 * pg-boss's heartbeat supervision (heartbeats are ≥ 10 s there, plus the supervision interval).
 * A worker claims an update for `ttlMs` and refreshes its claims every `ttlMs / 4`; any worker
 * process sweeps every `ttlMs / 4` for lapsed claims and gives their jobs back to the queue, to
 * run at once, in the chat's order. A claim of this very process whose handler still runs is never
 * swept (a stalled event loop is not a dead worker), and a live claim makes a second attempt wait.
 */
export interface UpdateClaims {
  /** Claims a pending update for this job; null when it is not pending or another live worker holds it. */
  claim(updateId: number, jobId: string): Promise<ClaimResult>;
  /**
   * In the transaction that stored updates and created their jobs (ids given): takes the jobs that
   * are next in their chat for this process and claims their updates — one statement. The claims
   * are held (refreshed) from now on; release each when done, or all if the transaction fails.
   */
  take(tx: Tx, jobIds: readonly string[]): Promise<Array<{ updateId: number; jobId: string }>>;
  /**
   * Stores one update claimed here, with its job created already taken — one statement, its own
   * commit — if nothing else of its chat (`key`) is queued or running anywhere. 'taken': run it
   * (release when done); 'duplicate': it was stored before; 'queue': its chat is busy, nothing
   * was written — store it behind the others.
   */
  storeTaken(update: NewUpdate): Promise<'taken' | 'duplicate' | 'queue'>;
  release(updateId: number): void;
  /** One sweep (also run by the timer): frees updates of lost workers. Returns how many. */
  sweep(): Promise<number>;
  stop(): void;
}

export interface NewUpdate {
  values: typeof telegramUpdates.$inferInsert;
  jobId: string;
  key: string;
}

const dialect = new PgDialect();

export type ClaimResult =
  | { status: 'claimed'; payload: unknown; failures: number; logged: boolean }
  | { status: 'gone' }
  | { status: 'busy' };

export function createUpdateClaims(deps: {
  database: Database;
  jobs: JobQueue;
  logger: Logger;
  instanceId: string;
  ttlMs?: number;
}): UpdateClaims {
  const { database, jobs, logger, instanceId } = deps;
  const db = database.db;
  const ttlMs = deps.ttlMs ?? 2000;
  const ttl = sql`now() + ${`${ttlMs} milliseconds`}::interval`;
  const running = new Set<number>();
  let stopped = false;

  const refresh = async () => {
    if (running.size === 0) return;
    await db
      .update(telegramUpdates)
      .set({ claimExpiresAt: ttl })
      .where(and(eq(telegramUpdates.claimedBy, instanceId), inArray(telegramUpdates.updateId, [...running])));
  };

  const sweep = async () => {
    const lapsed = await db
      .select({
        updateId: telegramUpdates.updateId,
        jobId: telegramUpdates.claimJobId,
        claimedBy: telegramUpdates.claimedBy,
      })
      .from(telegramUpdates)
      .where(and(eq(telegramUpdates.status, 'pending'), lt(telegramUpdates.claimExpiresAt, sql`now()`)))
      .limit(100);
    let freed = 0;
    for (const row of lapsed) {
      if (row.claimedBy === instanceId && running.has(row.updateId)) continue;
      const clear = async (tx: Tx | Db) => {
        await tx
          .update(telegramUpdates)
          .set({ claimedBy: null, claimJobId: null, claimExpiresAt: null })
          .where(
            and(eq(telegramUpdates.updateId, row.updateId), lt(telegramUpdates.claimExpiresAt, sql`now()`)),
          );
      };
      const deferred = row.jobId
        ? await deferJob(
            { boss: jobs.boss, database },
            UPDATES_QUEUE.name,
            { id: row.jobId },
            0,
            'worker lost (claim lapsed)',
            clear,
          )
        : false;
      if (!deferred) await clear(db); // its job already moved on (retried, expired): just forget the claim
      if (deferred) {
        freed++;
        logger.warn({ update_id: row.updateId, job_id: row.jobId }, 'freed an update of a lost worker');
      }
    }
    if (freed > 0) jobs.wake(UPDATES_QUEUE.name);
    return freed;
  };

  const tick = async () => {
    if (stopped) return;
    try {
      await refresh();
      await sweep();
    } catch (error) {
      // The database is away (restart, network): claims lapse meanwhile; the next tick catches up.
      logger.debug({ err: error }, 'update claims tick failed');
    }
    if (!stopped) timer = setTimeout(tick, Math.max(100, ttlMs / 4));
  };
  let timer: NodeJS.Timeout = setTimeout(tick, Math.max(100, ttlMs / 4));

  return {
    async claim(updateId, jobId) {
      const [row] = await db
        .update(telegramUpdates)
        .set({
          attempts: sql`${telegramUpdates.attempts} + 1`,
          claimedBy: instanceId,
          claimJobId: jobId,
          claimExpiresAt: ttl,
        })
        .where(
          and(
            eq(telegramUpdates.updateId, updateId),
            eq(telegramUpdates.status, 'pending'),
            or(isNull(telegramUpdates.claimExpiresAt), lt(telegramUpdates.claimExpiresAt, sql`now()`)),
          ),
        )
        .returning({
          payload: telegramUpdates.payload,
          failures: telegramUpdates.failures,
          // Whether an earlier attempt logged calls: if not, the reply log need not look any up.
          logged: sql<boolean>`exists (select 1 from update_replies r where r.update_id = "telegram_updates"."update_id")`,
        });
      if (row) {
        running.add(updateId);
        return { status: 'claimed', payload: row.payload, failures: row.failures, logged: row.logged };
      }
      const [current] = await db
        .select({ status: telegramUpdates.status })
        .from(telegramUpdates)
        .where(eq(telegramUpdates.updateId, updateId));
      return current?.status === 'pending' ? { status: 'busy' } : { status: 'gone' };
    },
    async take(tx, jobIds) {
      if (jobIds.length === 0) return [];
      const result = await tx.execute(sql`
        WITH taken AS (${takeJobsSql(UPDATES_QUEUE.name, jobIds)})
        UPDATE telegram_updates u
           SET attempts = u.attempts + 1, claimed_by = ${instanceId}, claim_job_id = taken.id,
               claim_expires_at = ${ttl}
          FROM taken
         WHERE u.update_id = (taken.data #>> '{payload,update_id}')::bigint
        RETURNING u.update_id AS "updateId", taken.id AS "jobId"`);
      const rows = (result as unknown as { rows: Array<{ updateId: string | number; jobId: string }> }).rows;
      const taken = rows.map((r) => ({ updateId: Number(r.updateId), jobId: r.jobId }));
      for (const t of taken) running.add(t.updateId);
      return taken;
    },
    async storeTaken({ values: v, jobId, key }) {
      const job = { id: jobId, data: jobEnvelope({ update_id: v.updateId }), singletonKey: key };
      const query = dialect.sqlToQuery(sql`
        WITH head AS (SELECT ${keyIsFreeSql(UPDATES_QUEUE.name, key)} AS free),
        stored AS (
          INSERT INTO telegram_updates
            (update_id, chat_id, from_id, kind, payload, trace_id, attempts, claimed_by, claim_job_id, claim_expires_at)
          SELECT ${v.updateId}, ${v.chatId ?? null}::bigint, ${v.fromId ?? null}::bigint, ${v.kind},
                 ${telegramUpdates.payload.mapToDriverValue(v.payload)}, ${v.traceId ?? null}, 1, ${instanceId}, ${jobId}::uuid, ${ttl}
            FROM head WHERE head.free
          ON CONFLICT DO NOTHING
          RETURNING update_id),
        job AS (${insertTakenJobSql(UPDATES_QUEUE.name, job, sql.raw('stored'))})
        SELECT (SELECT free FROM head) AS free, (SELECT count(*) FROM job)::int AS taken`);
      // The same text every time: the pool's client runs it prepared (statement-cache.ts).
      const result = await database.pool.query<{ free: boolean; taken: number }>({
        text: query.sql,
        values: query.params,
      });
      const [row] = result.rows;
      if (!row?.free) return 'queue';
      if (row.taken === 0) return 'duplicate';
      running.add(v.updateId);
      return 'taken';
    },
    release(updateId) {
      running.delete(updateId);
    },
    sweep,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
