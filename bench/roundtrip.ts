// /start → first reply latency through the local Telegram sandbox: the whole path a user waits on
// (sandbox → getUpdates → durable inbox → job → bot handler → sendMessage → sandbox).
// Run: node scripts/with-node.mjs node bench/roundtrip.ts [--rounds 200] [--pg]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSandboxClient } from '../src/sandbox/client.ts';
import { spawnSecretary } from '../test/support/spawn-secretary.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '200' }, pg: { type: 'boolean', default: false } },
});
const rounds = Number(values.rounds);
const dataDir = mkdtempSync(join(tmpdir(), 'secretary-roundtrip-'));
let pgDb: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
if (values.pg) {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  pgDb = await createTestDatabase({ migrate: false });
  Object.assign(env, {
    DATABASE_URL: pgDb.url as string,
    ENCRYPTION_KEY: 'roundtrip-bench-key-0123456789abcdef',
  });
}
const app = spawnSecretary(['start'], { ...env, LOG_LEVEL: 'info' });
try {
  const url = await app.url(60_000);
  const sb = createSandboxClient(url);
  await sb.limits(false); // measure our path, not Telegram's 1 msg/s per chat
  const latencies: number[] = [];
  for (let r = 0; r < rounds + 10; r++) {
    // A new person each round: /start registers them (user row, flow, reply), the heaviest first contact.
    const user = await sb.user(`rt-${r}`, { first_name: `R${r}`, language_code: 'en' });
    const chat = user.privateChat();
    const t0 = performance.now();
    await user.send('/start');
    await chat.nextMessage(/Hi, R\d+!/, { timeoutMs: 10_000 });
    if (r >= 10) latencies.push(performance.now() - t0); // first rounds warm caches and JIT
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(1);
  console.log(
    `${values.pg ? 'PostgreSQL' : 'embedded PostgreSQL'}: ${rounds} round trips, /start → first reply  p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${q(1)} ms`,
  );
} finally {
  await app.stop();
  await pgDb?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
