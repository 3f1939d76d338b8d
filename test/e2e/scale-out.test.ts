import { afterAll, describe, expect, it } from 'vitest';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const running: SecretaryProcess[] = [];
let testDb: TestDatabase | undefined;
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGTERM')));
  await testDb?.close();
});

describe.runIf(process.env.TEST_DATABASE_URL)('several processes on one PostgreSQL', () => {
  it('two serve + two worker processes migrate once and share the jobs', async () => {
    testDb = await createTestDatabase({ migrate: false });
    const env = {
      DATABASE_URL: testDb.url as string,
      ENCRYPTION_KEY: 'scale-out-test-key-0123456789abcdef',
      PORT: '0',
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: '123456:SCALE-OUT-TEST-TOKEN',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9', // nothing listens: these processes never call Telegram here
    };
    const procs = [
      spawnSecretary(['serve'], env),
      spawnSecretary(['serve'], env),
      spawnSecretary(['worker'], env),
      spawnSecretary(['worker'], env),
    ];
    running.push(...procs);
    const [s1, s2] = await Promise.all([procs[0]?.url(60_000), procs[1]?.url(60_000)]);
    await Promise.all([procs[2]?.waitFor(/worker is up/, 60_000), procs[3]?.waitFor(/worker is up/, 60_000)]);
    for (const url of [s1, s2]) expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const applied = await testDb.database.raw.query<{ name: string }>('SELECT name FROM schema_migrations');
    const appliedLogs = procs.filter((p) => p.output().includes('migrations applied'));
    expect(appliedLogs).toHaveLength(1);
    expect(applied.length).toBeGreaterThan(0);

    const doctor = spawnSecretary(['doctor', '--pings', '40', '--timeout', '30'], env);
    running.push(doctor);
    expect((await doctor.exited).code).toBe(0);
    const report = JSON.parse(doctor.output().trim().split('\n').at(-1) as string) as {
      sent: number;
      answered: number;
      byWorker: Record<string, number>;
    };
    expect(report.answered).toBe(40);
    const workerPids = [procs[2]?.child.pid, procs[3]?.child.pid].map(String);
    const answeredBy = Object.keys(report.byWorker).map((w) => w.split(':').at(-1));
    expect(answeredBy.sort()).toEqual(workerPids.sort()); // both workers took jobs, serve processes none
  });
});
