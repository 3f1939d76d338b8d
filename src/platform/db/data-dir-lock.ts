import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir } from '../fs/private-files.ts';

/**
 * One process per embedded data directory: two PGlite instances on one directory corrupt it.
 * The lock file records pid + process start time, so a lock left by a killed process is taken over
 * at once (no stale timeout), and a recycled pid is not mistaken for the owner.
 */
export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockRecord {
  pid: number;
  host: string;
  started: string | null;
  at: string;
}

const LOCK_FILE = 'secretary.lock';

export function lockDataDir(dir: string): DataDirLock {
  ensurePrivateDir(dir);
  const path = join(dir, LOCK_FILE);
  const mine: LockRecord = {
    pid: process.pid,
    host: hostname(),
    started: processStartTime(process.pid),
    at: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return {
        path,
        release() {
          const current = readRecord(path);
          if (current?.pid === mine.pid && current.started === mine.started) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readRecord(path);
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(
          `The data directory ${dir} is in use by another Secretary process (pid ${holder.pid} on ${holder.host}, ` +
            `since ${holder.at}). Embedded PGlite allows one process per directory: stop that process, ` +
            'use another DATA_DIR, or set DATABASE_URL to run several processes on PostgreSQL.',
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${path}: another process keeps racing for it.`);
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
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStartTime(holder.pid);
  return holder.started === null || started === null || started === holder.started;
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
