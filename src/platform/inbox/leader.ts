import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Runs `lead` in exactly one process at a time: Telegram allows one getUpdates caller per bot.
 * A session advisory lock on a dedicated connection decides; whoever holds it leads until it stops
 * or its connection dies (then another process takes over within `retryMs`).
 */
export function runAsLeader(deps: {
  database: Database;
  logger: Logger;
  key: bigint;
  lead: () => { stop(): Promise<void> };
  retryMs?: number;
}): { stop(): Promise<void> } {
  const { database, logger } = deps;
  let stopped = false;
  let current: { stop(): Promise<void> } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let release: (() => void) | null = null;
  const attempt = async () => {
    if (stopped) return;
    try {
      const client = await database.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        deps.key.toString(),
      ]);
      if (rows[0]?.ok) {
        logger.info('this process now receives Telegram updates (poller leader)');
        current = deps.lead();
        release = () => client.release(true);
        client.on('error', async () => {
          logger.warn('lost the poller lock connection; stepping down');
          await current?.stop();
          current = null;
          release = null;
          schedule();
        });
        return;
      }
      client.release();
    } catch (error) {
      logger.warn({ err: error }, 'could not try the poller lock');
    }
    schedule();
  };
  const schedule = () => {
    if (!stopped) timer = setTimeout(attempt, deps.retryMs ?? 5000);
  };
  void attempt();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.stop();
      release?.(); // destroying the connection releases the session lock
    },
  };
}
