import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface SecretaryProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first output line matching, or rejects on timeout / early exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The base URL printed at startup ("Secretary is up at …"). */
  url(timeoutMs?: number): Promise<string>;
  /** A `worker`'s health and metrics listener ("… health and metrics at …", WORKER_PORT). */
  workerUrl(timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs the real CLI (`node src/cli/main.ts …`) as a child process, the way an operator does. */
export function spawnSecretary(args: string[], env: Record<string, string>): SecretaryProcess {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // 'exit' can come before the last output is read from the pipes: wait for both streams to end
  // too (bounded — a server the process started may hold them open after it is gone).
  const streamEnded = (stream: NodeJS.ReadableStream | null) =>
    new Promise<void>((resolve) => (stream ? stream.once('end', resolve).once('error', resolve) : resolve()));
  const drained = Promise.all([streamEnded(child.stdout), streamEnded(child.stderr)]);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      void Promise.race([drained, new Promise((r) => setTimeout(r, 2000))]).then(() => {
        resolve({ code, signal });
        for (const l of listeners) l();
      });
    }),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          cleanup();
          resolve(match);
        } else if (done) {
          cleanup();
          reject(new Error(`process exited before printing ${pattern}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${pattern}:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  return {
    child,
    output: () => output,
    waitFor,
    exited,
    async url(timeoutMs) {
      const match = await waitFor(/Secretary is up at (http:\/\/[\d.]+:\d+)/, timeoutMs);
      return match[1] as string;
    },
    async workerUrl(timeoutMs) {
      const match = await waitFor(/worker is up; health and metrics at (http:\/\/[\d.]+:\d+)/, timeoutMs);
      return match[1] as string;
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      await exited;
    },
  };
}
