import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrivateFileOnce } from '../fs/private-files.ts';

/**
 * A lock file held for a short critical section across processes (starting or stopping the
 * embedded PostgreSQL, importing an old data directory). It records pid + process start time, so a
 * lock left by a killed process is taken over at once, and a recycled pid is not mistaken for it.
 */
export class LockTimeoutError extends Error {
  readonly code = 'lock_timeout';
}

interface LockRecord {
  pid: number;
  host: string;
  started: string | null;
  at: string;
}

export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; what: string; onWait?: (holderPid: number) => void },
): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const mine: LockRecord = {
    pid: process.pid,
    host: hostname(),
    started: processStartTime(process.pid),
    at: new Date().toISOString(),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let told = false;
  for (;;) {
    // Linked into place whole: a waiter never reads a half-written record and takes it for stale.
    if (createPrivateFileOnce(path, JSON.stringify(mine)).created) break;
    const holder = readRecord(path);
    if (!holder || !isAlive(holder)) {
      rmSync(path, { force: true }); // stale: its owner is gone
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(
        `Waited too long for ${options.what}: process ${holder.pid} on ${holder.host} holds ${path} ` +
          `since ${holder.at}. If that process is hung, stop it and start again.`,
      );
    }
    if (!told) options.onWait?.(holder.pid);
    told = true;
    await sleep(100);
  }
  try {
    return await fn();
  } finally {
    const current = readRecord(path);
    if (current?.pid === mine.pid && current.started === mine.started) rmSync(path, { force: true });
  }
}

function readRecord(path: string): LockRecord | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockRecord;
  } catch {
    return null;
  }
}

function isAlive(holder: LockRecord): boolean {
  if (holder.host !== hostname()) return true; // cannot probe another host: assume it is alive
  // Our own pid: another task of this process holds it, unless the pid was recycled since.
  if (holder.pid === process.pid) return holder.started === processStartTime(process.pid);
  return pidAlive(holder.pid) && sameProcess(holder.pid, holder.started);
}

/** Whether a process with this pid runs (EPERM: it exists but belongs to another user; a zombie does not run). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): the signal probe has to do
  }
}

function sameProcess(pid: number, started: string | null): boolean {
  const now = processStartTime(pid);
  return started === null || now === null || now === started;
}

/** Start time in clock ticks since boot from /proc (Linux); null elsewhere. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
