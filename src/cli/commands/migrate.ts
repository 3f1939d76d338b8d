import { migrate } from '../../platform/db/migrate.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

export async function migrateCommand(env: Record<string, string | undefined>): Promise<void> {
  const config = configOrExit(env);
  try {
    const applied = await withDatabase(config, (database) => migrate(database));
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } catch (error) {
    exitOnStartupError(error, loggerFor(config));
  }
}
