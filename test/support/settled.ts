import type { RawSql } from '../../src/platform/db/database.ts';

/**
 * Waits until nothing is left to run now: no stored update pending and no job (of any queue)
 * waiting or running that is due. A test asserting that something did NOT happen (no duplicate,
 * no second warning) waits for this instead of a fixed sleep: once the system is settled, nothing
 * more can arrive. Jobs created to run later (reminders) and dead letters (no one works them) are
 * not waited for; a retry is, however far off.
 */
// Jobs running, retrying (however far off the retry) or due now, of the queues someone works (not
// pg-boss's own, not dead letters).
const DUE_JOBS = `FROM pgboss.job
  WHERE (state IN ('active', 'retry') OR (state = 'created' AND start_after <= now()))
  AND name NOT LIKE '\\_\\_pgboss%' AND name NOT LIKE '%.dead'`;

export async function settled(db: RawSql, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  // Twice in a row: a handler finishing may enqueue the next job in the same instant.
  while (quiet < 2) {
    const [row] = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM telegram_updates WHERE status = 'pending')
             + (SELECT count(*) ${DUE_JOBS}))::int AS n`,
    );
    quiet = Number(row?.n ?? 0) === 0 ? quiet + 1 : 0;
    if (Date.now() > deadline) {
      const left = await db.query(`SELECT name, state, start_after ${DUE_JOBS} LIMIT 5`);
      throw new Error(`the system did not settle in time: ${JSON.stringify(left)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
