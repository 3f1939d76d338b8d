// Webhook ingress: acknowledgements per second and ack latency (durable store included: the
// update row and its job commit before the 200), on the embedded PostgreSQL and an external one, next to grammY's bare
// webhookCallback (no storage, a no-op handler) measured on the same machine in the same run.
// Run: node scripts/with-node.mjs node bench/ingress.ts [--requests 4000] [--concurrency 32]
// The server runs in a child process; this process only generates load.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const SECRET = 'bench-secret-token';
const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '32' },
  },
});

if (values.serve) {
  const { serveTarget } = await import('./ingress-server.ts');
  const port = await serveTarget(values.serve as 'embedded' | 'postgres' | 'grammy', SECRET);
  process.send?.({ port });
} else {
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const targets: Array<'grammy' | 'embedded' | 'postgres'> = ['grammy', 'embedded', 'postgres'];
  const results: Record<string, { rps: number; p50: number; p99: number }> = {};
  console.log(
    `node ${process.version}; ${requests} webhook POSTs per target, ${concurrency} concurrent connections`,
  );
  for (const target of targets) {
    const child = fork(SELF, ['--serve', target], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve) =>
      child.once('message', (m) => resolve((m as { port: number }).port)),
    );
    await load(port, 200, concurrency, 1_000_000); // warm-up
    results[target] = await load(port, requests, concurrency, 0);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const r = results[target];
    console.log(
      `${target.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} acks/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms`,
    );
  }
  const base = results.grammy?.rps ?? 1;
  for (const target of ['embedded', 'postgres']) {
    console.log(
      `${target} durable ingress / bare grammY webhookCallback = ${((results[target]?.rps ?? 0) / base).toFixed(2)}`,
    );
  }
}

async function load(port: number, total: number, concurrency: number, idBase: number) {
  const url = `http://127.0.0.1:${port}/telegram/webhook`;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const id = idBase + i + 1;
      const body = JSON.stringify({
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 1000 + (i % 500), type: 'private', first_name: 'Bench' },
          from: { id: 1000 + (i % 500), is_bot: false, first_name: 'Bench' },
          text: `message ${i}`,
        },
      });
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`ack failed: ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return { rps: total / seconds, p50: q(0.5), p99: q(0.99) };
}
