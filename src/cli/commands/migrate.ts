import { join } from 'node:path';
import { lockDataDir } from '../../platform/db/data-dir-lock.ts';
import { openEmbedded, openPostgres } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { configOrExit, exitOnStartupError, loggerFor } from './shared.ts';

export async function migrateCommand(env: Record<string, string | undefined>): Promise<void> {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  try {
    const lock = config.database.kind === 'embedded' ? lockDataDir(config.database.dataDir) : null;
    const database =
      config.database.kind === 'embedded'
        ? await openEmbedded(join(config.database.dataDir, 'pgdata'))
        : await openPostgres(config.database.url, { max: 2 });
    try {
      const applied = await migrate(database);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    } finally {
      await database.close();
      lock?.release();
    }
  } catch (error) {
    exitOnStartupError(error, logger);
  }
}
