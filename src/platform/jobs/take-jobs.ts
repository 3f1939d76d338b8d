import { type SQL, sql } from 'drizzle-orm';

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
     AND NOT EXISTS (
       SELECT 1 FROM pgboss.job b
        WHERE b.name = j.name
          AND b.singleton_key = j.singleton_key
          AND b.id <> j.id
          AND (b.state IN ('active', 'retry', 'failed')
               OR (b.state = 'created' AND (b.created_on, b.id) < (j.created_on, j.id))))
  RETURNING j.id, j.data`;
}

/** Whether a failed statement was the collision described at takeJobsSql. */
export function isTakeCollision(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
