import { type Config, ConfigError, loadConfig } from '../../platform/config/config.ts';
import { type Database, openDatabase } from '../../platform/db/database.ts';
import { MissingBinariesError } from '../../platform/db/postgres-binaries.ts';
import { createLogger, type Logger } from '../../platform/observability/logger.ts';

/** Parses the environment or exits with the one-screen list of what is wrong. */
export function configOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

export function loggerFor(config: Config): Logger {
  return createLogger({ level: config.logLevel });
}

/** Known startup failures get a plain message and exit code; anything else is a bug with a stack. */
export function exitOnStartupError(error: unknown, logger: Logger): never {
  const code = (error as { code?: unknown }).code;
  if (error instanceof MissingBinariesError || code === 'embedded_server_failed' || code === 'lock_timeout') {
    process.stderr.write(`Cannot start the embedded PostgreSQL: ${(error as Error).message}\n`);
    process.exit(3);
  }
  if (code === 'data_dir_unreachable') {
    // Running as root with DATA_DIR in a private home: a setup to change, said in one line (no stack).
    process.stderr.write(`Cannot start the embedded PostgreSQL: ${(error as Error).message}\n`);
    process.exit(3);
  }
  if ((error as { code?: string }).code === 'encryption_key_unknown') {
    process.stderr.write(`Cannot start: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const message = (error as Error).message ?? String(error);
  if (/ECONNREFUSED|ENOTFOUND|password authentication|does not exist|already in use/.test(message)) {
    process.stderr.write(`Cannot start: ${message}\n`);
    process.exit(4);
  }
  logger.fatal({ err: error }, 'startup failed');
  process.exit(1);
}

/**
 * Opens the configured database for a one-shot command (the embedded one is shared with a running
 * `start`, or started and stopped again around the command), runs `fn`, and closes it again.
 */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config.database, { logger: loggerFor(config), max: 3 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
