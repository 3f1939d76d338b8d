import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../../db/database.ts';

/**
 * Gives a running job back to its queue to run again in `delaySeconds` (relative to pg-boss's
 * clock, so a test clock moves it too), without counting it as a failure: its retry limit grows by
 * one as it is failed. The job stays in `retry`, so under key_strict_fifo its key's later jobs keep
 * waiting behind it — a chat's order survives a 429 or an outage — while the worker slot is free.
 *
 * `retryCount` fences the change to the attempt that was fetched (a claim that went away is left
 * alone); without it any active attempt of the job is deferred (the lost-worker sweep). Returns
 * false when there was no such active attempt. `tx` adds the caller's writes to the same commit.
 */
export async function deferJob(
  deps: { boss: PgBoss; database: Database },
  queue: string,
  job: { id: string; retryCount?: number },
  delaySeconds: number,
  reason: string,
  also?: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  const { boss } = deps;
  return deps.database.db.transaction(async (tx) => {
    const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
    // pg-boss's update() only touches queued jobs and fail() on the last attempt is terminal (and
    // dead-letters), so the limit of the active row is raised here first. `pgboss.job` is the root
    // of pg-boss 12's job tables (partitioned or not); the version is pinned.
    const fence = job.retryCount === undefined ? sql`` : sql` AND retry_count = ${job.retryCount}`;
    const raised = await tx.execute(
      sql`UPDATE pgboss.job SET retry_limit = retry_limit + 1
          WHERE name = ${queue} AND id = ${job.id}::uuid AND state = 'active'${fence} RETURNING id`,
    );
    if (rowsOf(raised).length === 0) return false;
    await boss.fail(queue, job.id, { message: reason, deferred: true }, { db });
    const startAfter = Math.max(0, Math.round(delaySeconds * 1000) / 1000);
    await boss.update({ name: queue, options: { id: job.id, startAfter, db } });
    await also?.(tx);
    return true;
  });
}

// node-postgres returns { rows }, PGlite's drizzle driver the same; be lenient about arrays.
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows?: unknown[] }).rows ?? [];
}
