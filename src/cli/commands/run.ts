import { type ProcessParts, startSystem } from '../../app/system.ts';
import { configOrExit, exitOnStartupError, loggerFor, requirePostgres } from './shared.ts';

/** `start`, `serve` and `worker`: build the system, run until SIGINT/SIGTERM, shut down once. */
export async function runCommand(
  env: Record<string, string | undefined>,
  parts: ProcessParts,
  name: string,
): Promise<void> {
  const config = configOrExit(env);
  if (name !== 'start') requirePostgres(config, name);
  const logger = loggerFor(config);
  const started = performance.now();
  const system = await startSystem(config, parts, logger).catch((error) => exitOnStartupError(error, logger));
  logger.info(
    {
      command: name,
      database: config.database.kind,
      telegram: config.telegram.kind,
      ms: Math.round(performance.now() - started),
    },
    system.url ? `Secretary is up at ${system.url}` : 'Secretary worker is up',
  );
  if (system.url && config.telegram.kind === 'sandbox') {
    logger.info(`Chat with the bot in the local Telegram sandbox: ${system.url}/sandbox`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing running jobs, then closing the database');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 45 s; exiting anyway');
      process.exit(1);
    }, 45_000);
    force.unref();
    await system.stop();
    logger.info('stopped');
    logger.flush?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
