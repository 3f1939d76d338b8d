// /start → first reply through one local Telegram (the standalone sandbox), for a bare grammY bot
// (long polling, in memory) and for Secretary (embedded PostgreSQL, and the external PostgreSQL
// when reachable), one after another in the same run; prints each and the ratios to the bare bot.
// Every bot is its own process; the sandbox and the measuring client live in this one.
// Run: node scripts/with-node.mjs node bench/peer.ts [--rounds 200] [--no-pg] [--gap 0]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSandboxClient, type SandboxClient } from '../src/sandbox/client.ts';
import { startSandboxServer } from '../src/sandbox/standalone.ts';
import { spawnSecretary } from '../test/support/spawn-secretary.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    'no-pg': { type: 'boolean', default: false },
    // Milliseconds between rounds (a person's pause): 0 = back to back, each round meeting the
    // previous one's unfinished work (recording the reply's result, marking the update done).
    gap: { type: 'string', default: '0' },
  },
});
const rounds = Number(values.rounds);
const gapMs = Number(values.gap);
const TOKEN = '4343:peer-bench-token';
const telegram = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
const sb = createSandboxClient(telegram.url);
const botEnv = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url };
let runs = 0;

/** `rounds` new people each send /start; the time until the greeting is in their chat. */
async function measure(client: SandboxClient): Promise<number[]> {
  const run = runs++;
  const latencies: number[] = [];
  for (let r = 0; r < rounds + 10; r++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const user = await client.user(`peer-${run}-${r}`, { first_name: `R${r}`, language_code: 'en' });
    const t0 = performance.now();
    await user.send('/start');
    await user.privateChat().nextMessage(/Hi, R\d+!/, { timeoutMs: 15_000 });
    if (r >= 10) latencies.push(performance.now() - t0); // the first rounds warm caches and JIT
  }
  return latencies.sort((a, b) => a - b);
}

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function bare(): Promise<number[]> {
  const script = fileURLToPath(new URL('./peer-bare-bot.ts', import.meta.url));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...botEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('bare bot polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bare bot exited with ${code}`)));
  });
  try {
    return await measure(sb);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function secretary(extraEnv: Record<string, string>): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'secretary-peer-'));
  const app = spawnSecretary(['start'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TELEGRAM_INGRESS: 'polling',
    TELEGRAM_LIMITS: 'off',
    FLOOD_MAX_UPDATES: '100000',
    LOG_LEVEL: 'info',
    ...botEnv,
    ...extraEnv,
  });
  try {
    await app.url(120_000);
    return await measure(sb);
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows: Array<{ name: string; sorted: number[] }> = [];
try {
  rows.push({ name: 'bare grammY (long polling, no storage)', sorted: await bare() });
  rows.push({ name: 'Secretary, embedded PostgreSQL', sorted: await secretary({}) });
  if (!values['no-pg']) {
    process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
    const pg = await createTestDatabase({ migrate: false });
    try {
      rows.push({
        name: 'Secretary, PostgreSQL',
        sorted: await secretary({
          DATABASE_URL: pg.url as string,
          ENCRYPTION_KEY: 'peer-bench-encryption-key-0123456789abcdef',
        }),
      });
    } finally {
      await pg.close();
    }
  }
  const [base] = rows;
  console.log(`/start → first reply, ${rounds} new people each, one sandbox, bots one after another`);
  console.log('| bot | p50 | p99 | max | p50 ratio | p99 ratio |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, sorted } of rows) {
    const [p50, p99] = [quantile(sorted, 0.5), quantile(sorted, 0.99)];
    const ratio = (v: number, b: number) => `${(v / b).toFixed(1)}×`;
    console.log(
      `| ${name} | ${p50.toFixed(1)} ms | ${p99.toFixed(1)} ms | ${quantile(sorted, 1).toFixed(1)} ms | ${ratio(p50, quantile(base?.sorted ?? [], 0.5))} | ${ratio(p99, quantile(base?.sorted ?? [], 0.99))} |`,
    );
  }
} finally {
  await telegram.close();
}
