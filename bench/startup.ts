// Time from `secretary start` to a 200 on /healthz, and resident memory once idle, on embedded PGlite.
// Run: npm run bench:startup   (prints a table; numbers go in the README)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const PORT = 3900 + Math.floor(Math.random() * 50);

async function measure(dataDir: string, label: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN, 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
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
    if (performance.now() - started > 60_000) throw new Error('not healthy within 60 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(
    `${label.padEnd(28)} time-to-healthy ${healthyMs.toFixed(0).padStart(6)} ms   idle RSS ${rssMb.toFixed(0).padStart(4)} MB`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'secretary-bench-'));
try {
  console.log(`node ${process.version}, embedded PGlite, data dir ${dataDir}`);
  await measure(dataDir, 'first start (empty DATA_DIR)');
  await measure(dataDir, 'restart (migrated DATA_DIR)');
  await measure(dataDir, 'restart again');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
