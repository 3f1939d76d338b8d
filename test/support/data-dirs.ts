import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPostmasterPid } from '../../src/platform/db/cluster-files.ts';
import { embeddedCluster } from '../../src/platform/db/embedded-cluster.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';

/** A temporary DATA_DIR for a process test. */
export function tempDataDir(prefix = 'secretary-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Removes a DATA_DIR after a test. A SIGKILLed app leaves its embedded PostgreSQL running (by
 * design: the next start reuses it), so stop that server first instead of orphaning it.
 */
export async function removeDataDir(dir: string): Promise<void> {
  const cluster = embeddedCluster(dir, { logger: createLogger({ level: 'silent', pretty: false }) });
  if (cluster.pid() !== null) await cluster.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}

/** pid of the DATA_DIR's running postmaster, or null. */
export function postmasterPid(dir: string): number | null {
  return embeddedCluster(dir, { logger: createLogger({ level: 'silent', pretty: false }) }).pid();
}

/** The postmaster and every process it started (its backends, checkpointer, …). */
export function serverProcesses(dir: string): number[] {
  const main = readPostmasterPid(join(dir, 'postgres'))?.pid;
  if (!main) return [];
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === main;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [main, ...children];
}
