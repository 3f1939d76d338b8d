import { type ProcessParts, startSystem } from '../../app/system.ts';
import { configOrExit, exitOnStartupError, loggerFor } from './shared.ts';
import { startWorkerProcesses } from './worker-processes.ts';

/**
 * `start`, `serve` and `worker`: build the system, run until SIGINT/SIGTERM, shut down once.
 * `start --workers N` also runs N `worker` child processes and stops them before itself.
 */
export async function runCommand(
  env: Record<string, string | undefined>,
  parts: ProcessParts,
  name: string,
  options: { workers?: number } = {},
): Promise<void> {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  const started = performance.now();
  const system = await startSystem(config, parts, logger, {
    onDatabaseLost: (error) => {
      logger.fatal({ err: error }, error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(5);
    },
  }).catch((error) => exitOnStartupError(error, logger));
  const children = startWorkerProcesses(options.workers ?? 0, config.workerPort, logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // A terminal's Ctrl-C reaches every process of its group, and wrappers (npm, with-node)
      // pass it on once more: a repeat must not cut the shutdown that closes the database.
      logger.info({ signal }, 'already shutting down; it takes a few seconds');
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing running jobs, then closing the database');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting anyway');
      process.exit(1);
    }, 20_000);
    force.unref();
    // Workers first: the embedded PostgreSQL is stopped by the last process to leave it.
    await children.stop();
    await system.stop();
    logger.info('stopped');
    logger.flush?.();
    process.exit(0);
  };
  // Before saying it is up: whoever reads that line may signal at once, and until a handler exists
  // the default action of SIGTERM kills the process outright (no shutdown, the database left open).
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A worker forked by `start --workers` leaves when its parent is gone (even when it was killed).
  if (process.send) process.once('disconnect', () => void shutdown('parent exited'));
  logger.info(
    {
      command: name,
      database: config.database.kind,
      telegram: config.telegram.kind,
      ms: Math.round(performance.now() - started),
    },
    system.url
      ? `Secretary is up at ${system.url}`
      : `Secretary worker is up; health and metrics at ${system.healthUrl}`,
  );
  if (system.url && config.telegram.kind === 'sandbox') {
    logger.info(`Chat with the bot in the local Telegram sandbox: ${system.url}/sandbox`);
  }
}
