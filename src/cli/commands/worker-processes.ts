import { type ChildProcess, fork } from 'node:child_process';
import type { Logger } from '../../platform/observability/logger.ts';

/**
 * N `secretary worker` child processes of `start --workers N`: more job throughput on one machine
 * (each is a full Node process with its own event loop). One that dies is started again. Each
 * listens for health and metrics on its own port: `workerPort` + slot − 1 (0: any free port).
 */
export function startWorkerProcesses(
  count: number,
  workerPort: number,
  logger: Logger,
): { stop(): Promise<void> } {
  const children = new Set<ChildProcess>();
  let stopping = false;
  const spawnOne = (slot: number) => {
    // The same entry script and Node flags as this process; IPC lets the child notice our death.
    const port = workerPort === 0 ? 0 : workerPort + slot - 1;
    const child = fork(process.argv[1] as string, ['worker'], {
      stdio: 'inherit',
      env: { ...process.env, WORKER_PORT: String(port) },
    });
    children.add(child);
    logger.info({ slot, worker_pid: child.pid }, 'worker process started');
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      logger.error({ slot, worker_pid: child.pid, code, signal }, 'worker process exited; starting it again');
      setTimeout(() => !stopping && spawnOne(slot), 1000).unref();
    });
  };
  for (let slot = 1; slot <= count; slot++) spawnOne(slot);
  return {
    async stop() {
      stopping = true;
      await Promise.all(
        [...children].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
