// Nothing accepted is lost, under crashes and Telegram faults: the bot (real CLI, long polling)
// against the standalone sandbox; people send numbered lines that each should get a card; kills,
// a PostgreSQL restart, 429/5xx storms and a long retry_after; the call log says what came back.
// Run: node scripts/with-node.mjs node bench/chaos.ts [--pg] [--people 100] [--lines 10] [--only burst,storm,…]
// --pg creates its own PostgreSQL cluster (initdb into a temp dir, port 5433) so that it may restart
// it; without the PostgreSQL 15 binaries (or root to run them as `postgres`) that row is skipped.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChaosRun } from '../test/chaos/chaos-harness.ts';
import {
  burstWithKills,
  faultStorm,
  formatTable,
  longRetryAfter,
  type ScenarioResult,
} from '../test/chaos/chaos-scenarios.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    people: { type: 'string', default: '100' },
    lines: { type: 'string', default: '10' },
    only: { type: 'string', default: 'burst,pg-restart,storm,long-retry' },
  },
});
const people = Number(values.people);
const lines = Number(values.lines);
const only = new Set(values.only.split(','));
const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL cluster this script may restart (never the shared one). */
function ownCluster(port = 5433) {
  if (!existsSync(join(PG_BIN, 'pg_ctl')) || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'secretary-chaos-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const command = (bin: string, args: string[]) => ['-u', 'postgres', '--', join(PG_BIN, bin), ...args];
  // stdio ignored: the server pg_ctl leaves running would hold captured pipes open forever.
  const asPostgres = (bin: string, args: string[]) =>
    execFileSync('runuser', command(bin, args), { stdio: 'ignore' });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  asPostgres('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Asynchronous: the sandbox lives in this process and must keep answering the bot meanwhile.
    restart: () =>
      new Promise<void>((resolve, reject) => {
        const args = command('pg_ctl', ['-D', data, '-o', opts, '-m', 'fast', '-w', 'restart']);
        spawn('runuser', args, { stdio: 'ignore' }).once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited with ${code}`)),
        );
      }),
    remove() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const cluster = values.pg ? ownCluster() : null;
if (values.pg && !cluster) {
  console.error('--pg needs /usr/lib/postgresql/15/bin and root (to run initdb as postgres); skipping.');
  process.exit(2);
}
const database = values.pg ? 'PostgreSQL' : 'embedded';
let dbCounter = 0;
async function freshEnv(): Promise<Record<string, string>> {
  if (!cluster) return {};
  const name = `chaos_${process.pid}_${dbCounter++}`;
  execFileSync('psql', [cluster.url, '-qc', `CREATE DATABASE ${name}`]);
  return {
    DATABASE_URL: cluster.url.replace(/\/postgres$/, `/${name}`),
    ENCRYPTION_KEY: 'chaos-bench-key-0123456789abcdefghij',
  };
}

const rows: Array<ScenarioResult & { database: string; people: number }> = [];
async function scenario(
  name: string,
  n: number,
  body: (run: Awaited<ReturnType<typeof startChaosRun>>) => Promise<ScenarioResult>,
) {
  if (!only.has(name)) return;
  const run = await startChaosRun({ people: n, env: await freshEnv(), name });
  try {
    const result = await body(run);
    rows.push({ ...result, database, people: n });
    console.log(
      formatTable([rows.at(-1) as (typeof rows)[number]])
        .split('\n')
        .at(-1),
    );
  } finally {
    await run.close();
  }
}

try {
  await scenario('burst', people, (run) => burstWithKills(run, { lines, kills: 3 }));
  if (cluster) {
    await scenario('pg-restart', people, (run) =>
      burstWithKills(run, {
        lines,
        kills: 3,
        label: 'burst, 3 × kill -9 + a PostgreSQL restart',
        restartDatabase: () => cluster.restart(),
      }),
    );
  } else if (only.has('pg-restart')) {
    console.log('pg-restart: skipped (needs --pg: an own PostgreSQL cluster the script may restart)');
  }
  await scenario('storm', 50, (run) => faultStorm(run, { lines: 5, seconds: 20 }));
  await scenario('long-retry', 10, (run) => longRetryAfter(run, { lines: 10, retryAfter: 40, count: 3 }));
  console.log(`\n${formatTable(rows)}`);
} finally {
  cluster?.remove();
}
