import { openPostgres } from '../../platform/db/database.ts';
import { DIAGNOSTICS_QUEUE, pingWorkers } from '../../platform/diagnostics/diagnostics.ts';
import { createJobRuntime } from '../../platform/jobs/job-queue.ts';
import { createMetrics } from '../../platform/observability/metrics.ts';
import { configOrExit, exitOnStartupError, loggerFor, requirePostgres } from './shared.ts';

/** Against a shared PostgreSQL: are migrations applied, and which workers take jobs right now? */
export async function doctorCommand(
  env: Record<string, string | undefined>,
  pings: number,
  timeoutSeconds: number,
) {
  const config = configOrExit(env);
  requirePostgres(config, 'doctor');
  if (config.database.kind !== 'postgres') return;
  const logger = loggerFor(config);
  try {
    const database = await openPostgres(config.database.url, { max: 2 });
    const migrations = await database.raw.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    process.stdout.write(`migrations applied: ${migrations.map((m) => m.name).join(', ') || 'none'}\n`);
    const runtime = createJobRuntime({
      database,
      logger,
      metrics: createMetrics({ defaultMetrics: false }),
      queues: [DIAGNOSTICS_QUEUE],
      maintenance: false,
    });
    await runtime.start();
    const report = await pingWorkers(runtime.jobs, Math.max(1, pings), Math.max(1, timeoutSeconds) * 1000);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    await runtime.stop(2000);
    await database.close();
    process.exit(report.answered === report.sent ? 0 : 1);
  } catch (error) {
    exitOnStartupError(error, logger);
  }
}
