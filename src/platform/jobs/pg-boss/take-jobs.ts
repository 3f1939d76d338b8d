import { type SQL, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/unique-violation.ts';

/**
 * An UPDATE (to use in the caller's transaction, alone or in a CTE) that makes jobs just created in
 * that transaction active, as if this process had fetched them, so it can run them at once
 * (`JobQueue.runTaken`) instead of waking a worker to fetch them. Only for key_strict_fifo queues,
 * and only a job at its key's head is taken: nothing else of its key running, retrying or parked,
 * and nothing of its key queued before it — the rule pg-boss's own fetch applies, so a chat's order
 * holds whichever path runs its jobs. Returns `id` and `data` of the jobs taken.
 *
 * Two processes taking siblings of one key at the same moment collide on pg-boss's unique index of
 * running jobs per key (SQLSTATE 23505): the caller's transaction fails and it stores again without
 * taking. `pgboss.job` is the root of pg-boss 12's job tables; the version is pinned.
 */
export function takeJobsSql(queue: string, ids: readonly string[]): SQL {
  return sql`UPDATE pgboss.job j
     SET state = 'active', started_on = pgboss.job_now(), heartbeat_on = pgboss.job_now()
   WHERE j.name = ${queue}
     AND j.id = ANY(${`{${ids.join(',')}}`}::uuid[])
     AND j.state = 'created'
     AND NOT j.blocked
     AND j.start_after <= pgboss.job_now()
     AND NOT EXISTS (${heldKeyJobs(sql`j.name`, sql`j.singleton_key`)} AND b.id <> j.id)
     AND NOT EXISTS (${queuedKeyJobs(sql`j.name`, sql`j.singleton_key`)}
                     AND (b.created_on, b.id) < (j.created_on, j.id))
  RETURNING j.id, j.data`;
}

/** Whether a failed statement was the collision described at takeJobsSql. */
export const isTakeCollision = (error: unknown): boolean => isUniqueViolation(error);

/** Whether nothing of a key_strict_fifo queue's key is queued, running, retrying or parked (SQL). */
export function keyIsFreeSql(queue: string, key: string): SQL {
  return sql`NOT EXISTS (${heldKeyJobs(sql`${queue}`, sql`${key}`)})
         AND NOT EXISTS (${queuedKeyJobs(sql`${queue}`, sql`${key}`)})`;
}

// A key's jobs running, retrying or parked, and its jobs waiting: each condition is the predicate
// of one of pg-boss's partial indexes (job_i8, job_i10), so each lookup is an index probe, not a
// scan of the queue's history.
const heldKeyJobs = (name: SQL, key: SQL) =>
  sql`SELECT 1 FROM pgboss.job b WHERE b.name = ${name} AND b.singleton_key = ${key}
       AND b.state IN ('active', 'retry', 'failed') AND b.policy = 'key_strict_fifo'`;
const queuedKeyJobs = (name: SQL, key: SQL) =>
  sql`SELECT 1 FROM pgboss.job b WHERE b.name = ${name} AND b.singleton_key = ${key}
       AND b.state < 'active' AND NOT b.blocked AND b.policy = 'key_strict_fifo'`;

/**
 * An INSERT (for a CTE) of one job created already active — sent and taken in one go — with the
 * queue's own settings (retries, expiry, heartbeat, dead letter, retention) as pg-boss's insert
 * would apply them, for each row `source` yields (a CTE's name: none, no job). No NOTIFY: nobody
 * else is to fetch it. The caller runs it with `JobQueue.runTaken`. Returns `id`.
 */
export function insertTakenJobSql(
  queue: string,
  job: { id: string; data: unknown; singletonKey: string },
  source: SQL,
): SQL {
  return sql`INSERT INTO pgboss.job (
      id, name, data, priority, start_after, created_on, singleton_key, expire_seconds,
      deletion_seconds, keep_until, retry_limit, retry_delay, retry_backoff, retry_delay_max, policy,
      dead_letter, heartbeat_seconds, blocked, blocking, pending_dependencies, state, started_on,
      heartbeat_on)
    SELECT ${job.id}::uuid, q.name, ${JSON.stringify(job.data)}::jsonb, 0, pgboss.job_now(),
      pgboss.job_now(), ${job.singletonKey}, q.expire_seconds, q.deletion_seconds,
      pgboss.job_now() + q.retention_seconds * interval '1s', q.retry_limit, q.retry_delay,
      COALESCE(q.retry_backoff, false), q.retry_delay_max, q.policy, q.dead_letter,
      q.heartbeat_seconds, false, false, 0, 'active', pgboss.job_now(), pgboss.job_now()
      FROM ${source} JOIN pgboss.queue q ON q.name = ${queue}
    RETURNING id`;
}
