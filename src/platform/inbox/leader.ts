import type { PoolClient } from 'pg';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Runs `lead` in exactly one process at a time: Telegram allows one getUpdates caller per bot.
 * A session advisory lock on a dedicated connection decides; whoever holds it leads until it stops
 * or its connection dies (then it, or another process, takes over within `retryMs`).
 *
 * One loop, one timer: a process tries every `retryMs` while it does not hold the lock, stops
 * trying while it holds it, and however many times its connection reports an error, it steps down
 * once and schedules one new try.
 */
export function runAsLeader(deps: {
  database: Database;
  logger: Logger;
  key: bigint;
  lead: () => { stop(): Promise<void> };
  retryMs?: number;
  /** Logged when this process starts leading; defaults to the poller's. */
  leadMessage?: string;
}): { stop(): Promise<void>; leading(): boolean } {
  const { database, logger } = deps;
  const pool = database.pool;
  const retryMs = deps.retryMs ?? 5000;
  let stopped = false;
  let state: 'idle' | 'trying' | 'leading' | 'stepping-down' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let lockClient: PoolClient | null = null;
  let current: { stop(): Promise<void> } | null = null;

  const schedule = () => {
    if (stopped || timer || state !== 'idle') return;
    timer = setTimeout(() => {
      timer = undefined;
      void attempt();
    }, retryMs);
  };

  const attempt = async () => {
    if (stopped || state !== 'idle') return;
    state = 'trying';
    let client: PoolClient | null = null;
    try {
      client = await pool.connect();
      // Until it leads, an error on this connection only means the try failed (caught below).
      client.on('error', () => undefined);
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        deps.key.toString(),
      ]);
      if (rows[0]?.ok && !stopped) {
        const held = client;
        lockClient = held;
        state = 'leading';
        logger.info(deps.leadMessage ?? 'this process now receives Telegram updates (poller leader)');
        held.on('error', () => void stepDown(held));
        current = deps.lead();
        return;
      }
      client.release(rows[0]?.ok === true); // a lock taken while stopping dies with its connection
    } catch (error) {
      client?.release(true);
      logger.warn({ err: error }, 'could not try the poller lock');
    }
    state = 'idle';
    schedule();
  };

  const stepDown = async (client: PoolClient) => {
    if (lockClient !== client || state !== 'leading') return; // a second error of the same loss
    state = 'stepping-down';
    lockClient = null;
    logger.warn('lost the poller lock connection; stepping down');
    await current?.stop().catch((error) => logger.warn({ err: error }, 'poller stop failed'));
    current = null;
    client.release(true);
    state = 'idle';
    schedule();
  };

  void attempt();
  return {
    leading: () => state === 'leading',
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await current?.stop();
      current = null;
      lockClient?.release(true); // destroying the connection releases the session lock
      lockClient = null;
    },
  };
}
