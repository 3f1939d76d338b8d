import { PgBoss } from 'pg-boss';
import type { SourceQuery } from '../../db/table-copy.ts';

/** pg-boss's schema, and each old queue made by pg-boss itself (its partition), with the old settings. */
export async function recreateQueues(source: SourceQuery, url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    const queues = await source<{ name: string; row: string }>(
      'SELECT name, row_to_json(q)::text AS row FROM pgboss.queue q ORDER BY name',
    );
    const db = boss.getDb();
    for (const q of queues) {
      const old = JSON.parse(q.row) as { policy: string; partition: boolean };
      await db.executeSql('SELECT pgboss.create_queue($1, $2::jsonb)', [
        q.name,
        JSON.stringify({ policy: old.policy, partition: old.partition }),
      ]);
    }
    // Then every setting of the old rows (retries, dead letters, …), now that all queues exist.
    // PGlite had no LISTEN/NOTIFY; on PostgreSQL every queue notifies its workers.
    for (const q of queues) {
      await db.executeSql(
        `UPDATE pgboss.queue q SET (policy, retry_limit, retry_delay, retry_backoff, retry_delay_max,
           expire_seconds, retention_seconds, deletion_seconds, dead_letter, heartbeat_seconds, notify) =
           (o.policy, o.retry_limit, o.retry_delay, o.retry_backoff, o.retry_delay_max, o.expire_seconds,
            o.retention_seconds, o.deletion_seconds, o.dead_letter, o.heartbeat_seconds, true)
         FROM json_populate_record(NULL::pgboss.queue, $2::json) o WHERE q.name = $1`,
        [q.name, q.row],
      );
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
