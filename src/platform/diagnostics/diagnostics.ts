import { hostname } from 'node:os';
import type { JobQueue, QueueDefinition } from '../jobs/job-queue.ts';

/** Ping jobs answered by whichever worker takes them: proves workers are alive and share the queue. */
export const DIAGNOSTICS_QUEUE: QueueDefinition = {
  name: 'diagnostics.ping',
  retryLimit: 0,
  expireInSeconds: 30,
};

export const workerIdentity = () => `${hostname()}:${process.pid}`;

export async function registerDiagnosticsWorker(jobs: JobQueue): Promise<void> {
  await jobs.work<{ sent_at: string }>(DIAGNOSTICS_QUEUE.name, async () => ({ worker: workerIdentity() }), {
    concurrency: 2,
  });
}

export interface PingReport {
  sent: number;
  answered: number;
  byWorker: Record<string, number>;
}

/** Sends `count` pings and waits up to `timeoutMs` for answers; reports which workers answered. */
export async function pingWorkers(jobs: JobQueue, count: number, timeoutMs: number): Promise<PingReport> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await jobs.send(DIAGNOSTICS_QUEUE.name, { sent_at: new Date().toISOString() });
    if (id) ids.push(id);
  }
  const deadline = Date.now() + timeoutMs;
  const answers = new Map<string, string>();
  while (answers.size < ids.length && Date.now() < deadline) {
    for (const id of ids) {
      if (answers.has(id)) continue;
      const [job] = await jobs.boss.findJobs<object>(DIAGNOSTICS_QUEUE.name, { id });
      const output = (job as { state?: string; output?: { worker?: string } } | undefined) ?? undefined;
      if (output?.state === 'completed' && output.output?.worker) answers.set(id, output.output.worker);
    }
    if (answers.size < ids.length) await new Promise((r) => setTimeout(r, 200));
  }
  const byWorker: Record<string, number> = {};
  for (const worker of answers.values()) byWorker[worker] = (byWorker[worker] ?? 0) + 1;
  return { sent: ids.length, answered: answers.size, byWorker };
}
