// Time from `secretary start` to a 200 on /healthz, then memory and CPU once idle, on the embedded
// PostgreSQL: the app's RSS, the PostgreSQL processes' RSS and PSS (shared pages counted once), and
// the CPU both use over 10 idle seconds.
// Run: npm run bench:startup   (prints a table; numbers go in the README)
//      npm run bench:startup -- --idle 60   (the idle CPU averaged over 60 s instead of 10 s)
//      npm run bench:startup -- --pg [url]  (on an external PostgreSQL, a fresh database: the app's
//      CPU and RSS, and the transactions a second the idle app runs there, from pg_stat_database)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { removeDataDir, serverProcesses, tempDataDir } from '../test/support/data-dirs.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const PORT = 3900 + Math.floor(Math.random() * 50);
const TICKS = 100; // USER_HZ on Linux
const idleArg = process.argv.indexOf('--idle');
const IDLE_SECONDS = idleArg > 0 ? Number(process.argv[idleArg + 1]) : 10;
const pgArg = process.argv.indexOf('--pg');
const next = process.argv[pgArg + 1];
const PG_ADMIN =
  pgArg > 0 ? (next && !next.startsWith('--') ? next : 'postgres://postgres@127.0.0.1:5432/postgres') : null;
const PG_DB = `secretary_bench_${Date.now().toString(36)}`;
const pgUrl = (admin: string, database: string) => {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
};
/** Transactions the app's database has run (committed and rolled back), external mode only. */
async function transactions(): Promise<number> {
  if (!PG_ADMIN) return 0;
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1',
      [PG_DB],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const kb = (pid: number, file: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))?.[1] ?? 0);
const cpuTicks = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
const sum = (pids: number[], f: (pid: number) => number) =>
  pids.reduce((total, pid) => {
    try {
      return total + f(pid);
    } catch {
      return total; // a backend that just exited
    }
  }, 0);

async function measure(dataDir: string, label: string) {
  const started = performance.now();
  // The same V8 flag as `npm start` (package.json).
  const child = spawn(process.execPath, ['--max-semi-space-size=8', MAIN, 'start'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...(PG_ADMIN
        ? { DATABASE_URL: pgUrl(PG_ADMIN, PG_DB), ENCRYPTION_KEY: 'startup-bench-key-0123456789abcdef' }
        : {}),
    },
    stdio: 'ignore',
  });
  let healthyMs = Number.NaN;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/healthz`);
      if (res.ok) {
        healthyMs = performance.now() - started;
        break;
      }
    } catch {}
    if (performance.now() - started > 120_000) throw new Error('not healthy within 120 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const app = child.pid as number;
  const servers = PG_ADMIN ? [] : serverProcesses(dataDir);
  const before = { app: cpuTicks(app), pg: sum(servers, cpuTicks), xacts: await transactions() };
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  // The counters reach pg_stat_database when a backend reports them (at most every second or so).
  const xactsPerSecond = ((await transactions()) - before.xacts) / IDLE_SECONDS;
  const cpu = (ticks: number) => `${((ticks / TICKS / IDLE_SECONDS) * 100).toFixed(1)} %`;
  const appCpu = cpu(cpuTicks(app) - before.app);
  const pgCpu = cpu(sum(PG_ADMIN ? [] : serverProcesses(dataDir), cpuTicks) - before.pg);
  const appRss = kb(app, 'status', 'VmRSS') / 1024;
  const pgRss = sum(servers, (pid) => kb(pid, 'status', 'VmRSS')) / 1024;
  const pgPss = sum(servers, (pid) => kb(pid, 'smaps_rollup', 'Pss')) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (PG_ADMIN) {
    console.log(
      `${label.padEnd(28)} healthy ${healthyMs.toFixed(0).padStart(6)} ms | app RSS ${appRss.toFixed(0)} MB | ` +
        `idle over ${IDLE_SECONDS} s: app CPU ${appCpu}, ${xactsPerSecond.toFixed(1)} transactions/s in its database`,
    );
    return;
  }
  console.log(
    `${label.padEnd(28)} healthy ${healthyMs.toFixed(0).padStart(6)} ms | app RSS ${appRss.toFixed(0)} MB, ` +
      `postgres RSS ${pgRss.toFixed(0)} MB / PSS ${pgPss.toFixed(0)} MB (${servers.length} processes) | ` +
      `idle CPU over ${IDLE_SECONDS} s: app ${appCpu}, postgres ${pgCpu}`,
  );
}

const dataDir = tempDataDir('secretary-bench-');
const admin = PG_ADMIN ? new pg.Client({ connectionString: PG_ADMIN }) : null;
if (admin) {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${PG_DB}`);
}
try {
  console.log(
    `node ${process.version}, ${PG_ADMIN ? `external PostgreSQL, database ${PG_DB}` : 'embedded PostgreSQL'}, data dir ${dataDir}`,
  );
  await measure(dataDir, 'first start (empty DATA_DIR)');
  await measure(dataDir, 'restart (migrated DATA_DIR)');
  await measure(dataDir, 'restart again');
} finally {
  await removeDataDir(dataDir);
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
    await admin.end();
  }
}
