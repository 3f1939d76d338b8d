// Capacity on PostgreSQL: a burst of lines from many people through the webhook into one `serve`
// and 1, 2, 4 `worker` processes (the real CLI), against the standalone sandbox as Telegram. Prints
// updates/s and the CPU milliseconds per update of the app's processes and of PostgreSQL — CPU per
// update is the capacity figure (what a machine of N cores can take).
// Run: node scripts/with-node.mjs node bench/scale.ts [--people 100] [--lines 10] [--workers 1,2,4]
//      [--pg postgres://postgres@127.0.0.1:5432/postgres]  (a database is created and dropped per row)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createSandboxClient, type SandboxUser } from '../src/sandbox/client.ts';
import { startSandboxServer } from '../src/sandbox/standalone.ts';
import { type SecretaryProcess, spawnSecretary } from '../test/support/spawn-secretary.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100' },
    lines: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1,2,4' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const PEOPLE = Number(values.people);
const LINES = Number(values.lines);
const TOKEN = '4343:scale-bench-token';
const TICK_MS = 10; // /proc times are in clock ticks of 1/100 s on Linux

/** CPU ms a process used so far (user + system), or 0 once it is gone. */
function cpuMs(pid: number, withChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 after the command.
    const own = (f[11] ?? 0) + (f[12] ?? 0);
    return (withChildren ? own + (f[13] ?? 0) + (f[14] ?? 0) : own) * TICK_MS;
  } catch {
    return 0;
  }
}

/** PostgreSQL's CPU: the postmaster, its exited children (waited for) and its live backends. */
function postgresCpuMs(): number {
  const pids = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  const comm = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const parent = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return -1;
    }
  };
  // The shared server's postmaster: a `postgres` whose parent is not a `postgres`.
  const masters = pids.filter((p) => comm(p) === 'postgres' && comm(parent(p)) !== 'postgres');
  return masters.reduce(
    (sum, m) => sum + cpuMs(m, true) + pids.filter((p) => parent(p) === m).reduce((s, c) => s + cpuMs(c), 0),
    0,
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: values.pg });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function row(workers: number) {
  const database = 'secretary_scale_bench';
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${database}`);
  });
  const url = new URL(values.pg);
  url.pathname = `/${database}`;
  const telegram = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
  const sb = createSandboxClient(telegram.url);
  const port = await freePort();
  const dataDir = join(tmpdir(), `secretary-scale-${process.pid}-${workers}`);
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKER_PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: url.toString(),
    ENCRYPTION_KEY: 'scale-bench-key-0123456789abcdef0123456789',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TELEGRAM_LIMITS: 'off',
    FLOOD_MAX_UPDATES: '100000',
    LOG_LEVEL: 'warn',
  };
  const processes: SecretaryProcess[] = [];
  try {
    const migrate = spawnSecretary(['migrate'], env);
    if ((await migrate.exited).code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
    const serve = spawnSecretary(['serve'], { ...env, LOG_LEVEL: 'info' });
    processes.push(serve);
    await serve.url(240_000);
    for (let i = 0; i < workers; i++)
      processes.push(spawnSecretary(['worker'], { ...env, LOG_LEVEL: 'info' }));
    await Promise.all(processes.slice(1).map((w) => w.workerUrl(240_000)));
    const people: SandboxUser[] = [];
    for (let i = 0; i < PEOPLE; i++)
      people.push(await sb.user(`scale-${workers}-${i}`, { first_name: `P${i}`, language_code: 'en' }));
    // Onboarding first (not what is measured).
    await Promise.all(
      people.map(async (user) => {
        const chat = user.privateChat();
        await user.send('/start');
        await chat.nextMessage(/time ?zone|city/i, { timeoutMs: 240_000 });
        await user.send('Europe/Berlin');
        await chat.nextMessage(/Timezone set/, { timeoutMs: 240_000 });
      }),
    );
    await sb.clearCalls();

    const pids = processes.map((p) => p.child.pid ?? 0);
    const app0 = pids.reduce((s, p) => s + cpuMs(p), 0);
    const pg0 = postgresCpuMs();
    const t0 = performance.now();
    await Promise.all(
      people.map(async (user) => {
        for (let n = 1; n <= LINES; n++) await user.send(`buy milk ${n}`);
      }),
    );
    const total = PEOPLE * LINES;
    for (;;) {
      const replies = (await sb.calls('sendMessage')).filter(
        (c) =>
          c.response_ok && (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id,
      ).length;
      if (replies >= total) break;
      if (performance.now() - t0 > 600_000) throw new Error(`only ${replies} of ${total} answered in 10 min`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const app = pids.reduce((s, p) => s + cpuMs(p), 0) - app0;
    const pgCpu = postgresCpuMs() - pg0;
    return { workers, total, seconds, app, pg: pgCpu };
  } finally {
    await Promise.all(processes.map((p) => p.stop('SIGTERM')));
    await telegram.close();
    rmSync(dataDir, { recursive: true, force: true });
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}

console.log(
  `node ${process.version}; ${PEOPLE} people × ${LINES} lines through the webhook, 1 serve + N workers, PostgreSQL at ${new URL(values.pg).host}`,
);
console.log('| workers | updates | seconds | updates/s | app CPU ms/update | PostgreSQL CPU ms/update |');
console.log('|---|---|---|---|---|---|');
for (const n of values.workers.split(',').map(Number)) {
  const r = await row(n);
  console.log(
    `| ${r.workers} | ${r.total} | ${r.seconds.toFixed(1)} | ${(r.total / r.seconds).toFixed(0)} | ${(r.app / r.total).toFixed(2)} | ${(r.pg / r.total).toFixed(2)} |`,
  );
}
