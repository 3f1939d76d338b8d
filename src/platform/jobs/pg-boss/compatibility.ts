import { createRequire } from 'node:module';
// pg-boss's Manager, for the one override below (the wake policy). Nothing else imports pg-boss's
// internals; a bump goes through CONTRIBUTING.md ("Bumping pg-boss").
import Manager from 'pg-boss/dist/manager.js';
import { wakeWorkers } from '../job-queue.ts';

/**
 * The pg-boss this adapter was written and tested against: its package version (pinned exactly in
 * package.json) and the schema version its tables carry (`pgboss.version`). The hand-written
 * statements (take-jobs.ts, defer-job.ts, the due scan, queue-admin.ts) read and write those tables,
 * and the wake policy replaces one method of its Manager: a different pg-boss may break any of
 * them quietly, so a start with another one is refused.
 */
export const PG_BOSS_VERSION = '12.35.0';
export const PG_BOSS_SCHEMA_VERSION = 43;

/** Columns of `pgboss.job` and `pgboss.queue` the adapter's own statements use. */
export const JOB_COLUMNS_USED = [
  'id',
  'name',
  'data',
  'priority',
  'state',
  'start_after',
  'started_on',
  'created_on',
  'heartbeat_on',
  'singleton_key',
  'expire_seconds',
  'deletion_seconds',
  'keep_until',
  'retry_limit',
  'retry_count',
  'retry_delay',
  'retry_backoff',
  'retry_delay_max',
  'policy',
  'dead_letter',
  'heartbeat_seconds',
  'blocked',
  'blocking',
  'pending_dependencies',
] as const;
export const QUEUE_COLUMNS_USED = [
  'name',
  'policy',
  'retry_limit',
  'retry_delay',
  'retry_backoff',
  'retry_delay_max',
  'expire_seconds',
  'retention_seconds',
  'deletion_seconds',
  'dead_letter',
  'heartbeat_seconds',
  'notify',
] as const;

export class PgBossMismatchError extends Error {
  readonly code = 'pg_boss_mismatch';
}

const bump = 'see CONTRIBUTING.md, "Bumping pg-boss"';

/** The installed pg-boss package's version. */
export function installedPgBossVersion(): string {
  return (createRequire(import.meta.url)('pg-boss/package.json') as { version: string }).version;
}

/** Refuses a pg-boss package other than the pinned one (a lock file drift or an unreviewed bump). */
export function assertPgBossPackage(installed = installedPgBossVersion()): void {
  if (installed !== PG_BOSS_VERSION)
    throw new PgBossMismatchError(
      `pg-boss ${installed} is installed, but this Secretary is built for pg-boss ${PG_BOSS_VERSION} ` +
        `(its job tables and one internal method): run \`npm install\` to restore the pinned version, or ${bump}`,
    );
  if (typeof (Manager.prototype as { notifyQueue?: unknown }).notifyQueue !== 'function')
    throw new PgBossMismatchError(
      `pg-boss ${installed} has no Manager.notifyQueue to wake workers with; ${bump}`,
    );
}

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * After pg-boss started (it creates or migrates its schema): the schema is the one the statements
 * were written for, and every column and function they use is there. A newer pg-boss that ran
 * against this database (and migrated it) is refused, not written to with stale statements.
 */
export async function assertPgBossSchema(executeSql: ExecuteSql): Promise<void> {
  const version = await executeSql('SELECT version FROM pgboss.version');
  const found = Number((version.rows[0] as { version?: unknown } | undefined)?.version);
  if (found !== PG_BOSS_SCHEMA_VERSION)
    throw new PgBossMismatchError(
      `the database's job schema (pgboss) is at version ${found}, but this Secretary's statements are ` +
        `written for version ${PG_BOSS_SCHEMA_VERSION} (pg-boss ${PG_BOSS_VERSION}); ${bump}`,
    );
  const columns = await executeSql(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'pgboss' AND table_name IN ('job', 'queue')`,
  );
  const have = new Set(
    (columns.rows as Array<{ table_name: string; column_name: string }>).map(
      (r) => `${r.table_name}.${r.column_name}`,
    ),
  );
  const missing = [
    ...JOB_COLUMNS_USED.map((c) => `job.${c}`),
    ...QUEUE_COLUMNS_USED.map((c) => `queue.${c}`),
  ].filter((c) => !have.has(c));
  const jobNow = await executeSql(`SELECT to_regprocedure('pgboss.job_now()') IS NOT NULL AS ok`);
  if (!(jobNow.rows[0] as { ok?: boolean } | undefined)?.ok) missing.push('function job_now()');
  if (missing.length > 0)
    throw new PgBossMismatchError(
      `the job schema (pgboss) lacks what this Secretary's statements use: ${missing.join(', ')}; ${bump}`,
    );
}

/** A NOTIFY this process caused for jobs it took itself (runTaken) is swallowed, not a wake-up. */
export interface OwnNotifications {
  swallow(queue: string): boolean;
}

/** What the override reads of a Manager: its workers and its config (pg-boss 12.35, manager.js). */
interface ManagerShape {
  workers?: Map<string, { name: string; state: string; jobs: unknown[]; notify(): void }>;
  config?: { ownNotifications?: OwnNotifications };
}

let installed = false;

/**
 * pg-boss wakes every worker of a queue on a NOTIFY; this wakes one idle worker (wakeWorkers) and
 * lets the runtime swallow the NOTIFY of jobs it took itself — `ownNotifications`, an option pg-boss
 * does not declare but keeps on its Manager's `config`. Anything of a shape other than expected
 * falls back to pg-boss's own method (every worker wakes: slower, never lost).
 */
export function installWakePolicy(): void {
  if (installed) return;
  installed = true;
  const prototype = Manager.prototype as unknown as { notifyQueue(this: ManagerShape, name: string): void };
  const original = prototype.notifyQueue;
  prototype.notifyQueue = function notifyQueue(this: ManagerShape, name: string) {
    if (!(this.workers instanceof Map)) return original.call(this, name);
    if (this.config?.ownNotifications?.swallow(name)) return;
    wakeWorkers(
      [...this.workers.values()]
        .filter((w) => w.name === name)
        .map((w) => ({ state: w.state, busy: w.jobs.length > 0, notify: () => w.notify() })),
    );
  };
}
