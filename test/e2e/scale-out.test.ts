import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive } from '../../src/platform/db/file-lock.ts';
import { postmasterPid, removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const running: SecretaryProcess[] = [];
const dirs: string[] = [];
let testDb: TestDatabase | undefined;
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGTERM')));
  await testDb?.close();
  for (const dir of dirs) await removeDataDir(dir);
});

const external = Boolean(process.env.TEST_DATABASE_URL);

/** Where the processes keep their data: the run's external PostgreSQL, or one shared DATA_DIR (embedded). */
async function databaseEnv(): Promise<Record<string, string>> {
  const dir = tempDataDir();
  dirs.push(dir);
  if (!external) return { DATA_DIR: dir };
  testDb = await createTestDatabase({ migrate: false });
  return { DATA_DIR: dir, DATABASE_URL: testDb.url, ENCRYPTION_KEY: 'scale-out-test-key-0123456789abcdef' };
}

function pingReport(doctor: SecretaryProcess) {
  const line = doctor
    .output()
    .split('\n')
    .findLast((l) => l.startsWith('{') && l.includes('"answered"'));
  if (!line) throw new Error(`doctor printed no report:\n${doctor.output()}`);
  return JSON.parse(line) as {
    sent: number;
    answered: number;
    byWorker: Record<string, number>;
    checks: Array<{ name: string; status: string }>;
  };
}

describe(`several processes on one ${external ? 'external' : 'embedded'} PostgreSQL`, () => {
  it('two serve + two worker processes migrate once and share the jobs', async () => {
    const env = {
      ...(await databaseEnv()),
      PORT: '0',
      WORKER_PORT: '0', // several workers on one host: each its own free port
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
    const [s1, s2] = await Promise.all([procs[0]?.url(180_000), procs[1]?.url(180_000)]);
    const workerUrls = await Promise.all([procs[2]?.workerUrl(180_000), procs[3]?.workerUrl(180_000)]);
    for (const url of [s1, s2, ...workerUrls]) expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const appliedLogs = procs.filter((p) => p.output().includes('migrations applied'));
    expect(appliedLogs).toHaveLength(1);

    const doctor = spawnSecretary(['doctor', '--pings', '40', '--timeout', '30'], env);
    running.push(doctor);
    const { code } = await doctor.exited;
    const report = pingReport(doctor);
    // Nothing listens at TELEGRAM_API_ROOT here: the token check fails, everything else passes.
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['telegram token']);
    expect(code).toBe(1);
    expect(report.answered).toBe(40);
    const workerPids = [procs[2]?.child.pid, procs[3]?.child.pid].map(String);
    const answeredBy = Object.keys(report.byWorker).map((w) => w.split(':').at(-1));
    expect(answeredBy.sort()).toEqual(workerPids.sort()); // both workers took jobs, serve processes none

    if (!external) {
      const pid = postmasterPid((env as Record<string, string>).DATA_DIR as string);
      for (const p of procs) await p.stop('SIGTERM');
      expect(pidAlive(pid as number)).toBe(false); // the last process out stopped the server
    }
  }, 420_000);

  it('start --workers 2 runs two worker children that take jobs and stop with it', async () => {
    const env = { ...(await databaseEnv()), PORT: '0', WORKER_PORT: '0', HOST: '127.0.0.1' };
    const app = spawnSecretary(['start', '--workers', '2'], env);
    running.push(app);
    await app.url(180_000);
    await app.waitFor(/(worker is up[\s\S]*){2}/, 180_000);
    const childPids = [...app.output().matchAll(/"slot":\d+,"worker_pid":(\d+)/g)].map((m) => Number(m[1]));
    expect(childPids).toHaveLength(2);
    // Each child answers its health on its own port (WORKER_PORT 0 here: any free one).
    const childUrls = [...app.output().matchAll(/health and metrics at (http:\/\/[\d.]+:\d+)/g)].map(
      (m) => m[1],
    );
    expect(new Set(childUrls).size).toBe(2);
    for (const url of childUrls) expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const doctor = spawnSecretary(['doctor', '--pings', '60', '--timeout', '30'], env);
    running.push(doctor);
    expect((await doctor.exited).code).toBe(0);
    const report = pingReport(doctor);
    expect(report.answered).toBe(60);
    const answeredBy = Object.keys(report.byWorker).map((w) => Number(w.split(':').at(-1)));
    expect(answeredBy.some((pid) => childPids.includes(pid))).toBe(true);

    await app.stop('SIGTERM');
    expect((await app.exited).code).toBe(0);
    for (const pid of childPids) expect(pidAlive(pid)).toBe(false);
    if (!external) expect(postmasterPid((env as Record<string, string>).DATA_DIR as string)).toBeNull();
  }, 420_000);
});
