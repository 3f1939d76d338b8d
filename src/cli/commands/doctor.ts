import { DIAGNOSTICS_QUEUE, pingWorkers } from '../../platform/diagnostics/diagnostics.ts';
import { createJobRuntime } from '../../platform/jobs/job-queue.ts';
import { createMetrics } from '../../platform/observability/metrics.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

/** Are migrations applied, and which workers take jobs right now? */
export async function doctorCommand(
  env: Record<string, string | undefined>,
  pings: number,
  timeoutSeconds: number,
) {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  try {
    const report = await withDatabase(config, async (database) => {
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
      const found = await pingWorkers(runtime.jobs, Math.max(1, pings), Math.max(1, timeoutSeconds) * 1000);
      await runtime.stop(2000);
      return found;
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(report.answered === report.sent ? 0 : 1);
  } catch (error) {
    exitOnStartupError(error, logger);
  }
}
