import { join } from 'node:path';
import { lockDataDir } from '../../platform/db/data-dir-lock.ts';
import { openEmbedded, openPostgres } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import { createUserService } from '../../platform/users/user-service.ts';
import { configOrExit, exitOnStartupError, loggerFor } from './shared.ts';

export async function adminGrantCommand(
  env: Record<string, string | undefined>,
  telegramIdText: string,
  role: string,
): Promise<void> {
  const config = configOrExit(env);
  const logger = loggerFor(config);
  const telegramId = Number(telegramIdText);
  if (!/^\d+$/.test(telegramIdText) || !Number.isSafeInteger(telegramId)) {
    process.stderr.write(
      `"${telegramIdText}" is not a Telegram user id (a positive whole number, e.g. 123456789)\n`,
    );
    process.exit(2);
  }
  if (role !== 'admin' && role !== 'specialist') {
    process.stderr.write(`Unknown role "${role}": use admin or specialist\n`);
    process.exit(2);
  }
  try {
    const lock = config.database.kind === 'embedded' ? lockDataDir(config.database.dataDir) : null;
    const database =
      config.database.kind === 'embedded'
        ? await openEmbedded(join(config.database.dataDir, 'pgdata'))
        : await openPostgres(config.database.url, { max: 2 });
    try {
      await migrate(database);
      const user = await createUserService({ db: database.db }).grantRole(telegramId, role, { kind: 'cli' });
      process.stdout.write(`Telegram user ${telegramId} now has roles: ${user.roles.join(', ')}\n`);
    } finally {
      await database.close();
      lock?.release();
    }
  } catch (error) {
    if (isDomainError(error)) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    exitOnStartupError(error, logger);
  }
}
