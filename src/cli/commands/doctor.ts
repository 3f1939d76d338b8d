import { readMigrations } from '../../platform/db/migrate.ts';
import { DIAGNOSTICS_QUEUE, type PingReport, pingWorkers } from '../../platform/diagnostics/diagnostics.ts';
import { type Check, checkTelegram } from '../../platform/diagnostics/telegram-checks.ts';
import { createJobRuntime } from '../../platform/jobs/job-queue.ts';
import { createQueueAdmin } from '../../platform/jobs/pg-boss/queue-admin.ts';
import { createMetrics } from '../../platform/observability/metrics.ts';
import { configOrExit, loggerFor, withDatabase } from './shared.ts';

const MARK: Record<Check['status'], string> = { ok: '✓', warn: '!', fail: '✗', skip: '·' };

/**
 * Checks what a running install needs, one line each with what to fix: the bot token and the
 * webhook against the configured mode, the database, its migrations, workers taking jobs, and
 * jobs parked after failing every retry. Exits 1 when any check fails. The last line is the ping
 * report as JSON (scripts and tests read it).
 */
export async function doctorCommand(
  env: Record<string, string | undefined>,
  pings: number,
  timeoutSeconds: number,
) {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  const checks: Check[] = [...(await checkTelegram(config))];
  let report: PingReport = { sent: 0, answered: 0, byWorker: {} };
  try {
    await withDatabase(config, async (database) => {
      checks.push({
        name: 'database',
        status: 'ok',
        detail:
          config.database.kind === 'postgres' ? 'DATABASE_URL reachable' : `embedded, in ${config.dataDir}`,
      });
      const applied = new Set(
        (await database.raw.query<{ name: string }>('SELECT name FROM schema_migrations')).map((m) => m.name),
      );
      const pending = (await readMigrations()).map((m) => m.name).filter((name) => !applied.has(name));
      checks.push(
        pending.length === 0
          ? { name: 'migrations', status: 'ok', detail: `${applied.size} applied, none pending` }
          : {
              name: 'migrations',
              status: 'fail',
              detail: `${pending.length} pending: ${pending.join(', ')}`,
              fix: 'run `secretary migrate` (or start any process: it migrates first)',
            },
      );
      const runtime = createJobRuntime({
        database,
        logger,
        metrics: createMetrics({ defaultMetrics: false }),
        queues: [DIAGNOSTICS_QUEUE],
        maintenance: false,
      });
      await runtime.start();
      try {
        report = await pingWorkers(runtime.jobs, Math.max(1, pings), Math.max(1, timeoutSeconds) * 1000);
        const workers = Object.keys(report.byWorker).length;
        checks.push(
          report.answered === report.sent
            ? {
                name: 'workers',
                status: 'ok',
                detail: `${workers} process(es) answered ${report.answered} ping job(s)`,
              }
            : {
                name: 'workers',
                status: 'fail',
                detail: `${report.answered} of ${report.sent} ping jobs answered within ${timeoutSeconds} s`,
                fix: 'start `secretary worker` (or `secretary start`) against this database, then run doctor again',
              },
        );
        const dead = (await createQueueAdmin({ jobs: runtime.jobs, replayers: () => ({}) }).summary()).filter(
          (q) => q.dead > 0,
        );
        const total = dead.reduce((sum, q) => sum + q.dead, 0);
        checks.push(
          total === 0
            ? { name: 'dead letters', status: 'ok', detail: 'no job parked after failing every retry' }
            : {
                name: 'dead letters',
                status: 'fail',
                detail: `${total} job(s) failed every retry: ${dead.map((q) => `${q.name} ${q.dead}`).join(', ')}`,
                fix: '`secretary dead-letters` shows why; after fixing the cause, `secretary dead-letters --replay`',
              },
        );
      } finally {
        await runtime.stop(2000);
      }
    });
  } catch (error) {
    checks.push({
      name: 'database',
      status: 'fail',
      detail: (error as Error).message,
      fix:
        config.database.kind === 'postgres'
          ? 'check DATABASE_URL (host, port, user, password, database name) and that PostgreSQL runs'
          : `check that ${config.dataDir} is writable and not on a network drive; see the README's embedded PostgreSQL section`,
    });
  }
  for (const c of checks)
    process.stdout.write(`${MARK[c.status]} ${c.name}: ${c.detail}${c.fix ? `\n    → ${c.fix}` : ''}\n`);
  process.stdout.write(`${JSON.stringify({ ...report, checks })}\n`);
  process.exit(checks.some((c) => c.status === 'fail') ? 1 : 0);
}
