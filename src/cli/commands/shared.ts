import { join } from 'node:path';
import { type Config, ConfigError, loadConfig } from '../../platform/config/config.ts';
import { DataDirLockedError, lockDataDir } from '../../platform/db/data-dir-lock.ts';
import { type Database, openEmbedded, openPostgres } from '../../platform/db/database.ts';
import { ensurePrivateDir, tightenTree } from '../../platform/fs/private-files.ts';
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
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
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

export function requirePostgres(config: Config, command: string): void {
  if (config.database.kind !== 'postgres') {
    process.stderr.write(
      `"secretary ${command}" runs next to other processes and needs a shared PostgreSQL: set DATABASE_URL ` +
        '(and ENCRYPTION_KEY). For a single process on the embedded database use "secretary start".\n',
    );
    process.exit(2);
  }
}

/**
 * Opens the configured database for a one-shot command (locking an embedded data directory, so a
 * running `start` is never opened twice), runs `fn`, and closes everything again.
 */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const lock = config.database.kind === 'embedded' ? lockDataDir(config.database.dataDir) : null;
  try {
    const database =
      config.database.kind === 'embedded'
        ? await openEmbedded(ensurePrivateDir(join(config.database.dataDir, 'pgdata')))
        : await openPostgres(config.database.url, { max: 3 });
    try {
      return await fn(database);
    } finally {
      await database.close();
      if (config.database.kind === 'embedded') tightenTree(join(config.database.dataDir, 'pgdata'));
    }
  } finally {
    lock?.release();
  }
}
