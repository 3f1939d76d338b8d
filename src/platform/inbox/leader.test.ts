import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createLogger } from '../observability/logger.ts';
import { runAsLeader } from './leader.ts';

// Finding 5: after the lock connection died, the re-acquire timer was started twice and the loser
// loop polled pg_try_advisory_lock every few seconds forever, although its own process led.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await testDb.close();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('poller leader', () => {
  it('re-acquires once after its connection is killed, then stops trying while it leads', async () => {
    const database = testDb.database;
    let tries = 0;
    const pool = database.pool;
    const counting = new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'connect')
          return () => {
            tries++;
            return target.connect();
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const leads: string[] = [];
    const leader = runAsLeader({
      database: { ...database, pool: counting },
      logger: createLogger({ level: 'silent', pretty: false }),
      key: 99_001n,
      retryMs: 100,
      lead: () => {
        leads.push('lead');
        return { stop: async () => void leads.push('stop') };
      },
    });
    const admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
    try {
      const until = async (probe: () => boolean) => {
        for (let i = 0; i < 300 && !probe(); i++) await wait(50);
        expect(probe()).toBe(true);
      };
      await until(() => leader.leading());
      // Kill the session that holds the lock: the leader must step down and take it again.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`,
        [99_001],
      );
      await until(() => leads.length === 3);
      expect(leads).toEqual(['lead', 'stop', 'lead']);
      const triesWhenLeading = tries;
      await wait(1500); // fifteen retry periods
      expect(tries).toBe(triesWhenLeading);
      const { rows } = await admin.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`,
        [99_001],
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await admin.end();
      await leader.stop();
    }
  }, 60_000);
});
