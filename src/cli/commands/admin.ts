import { declarations } from '../../app/assemble.ts';
import { CAPABILITY_MODULES } from '../../app/capabilities.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import { createUserService } from '../../platform/users/user-service.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

export async function adminGrantCommand(
  env: Record<string, string | undefined>,
  telegramIdText: string,
  role: string,
): Promise<void> {
  const config = configOrExit(env);
  const telegramId = Number(telegramIdText);
  if (!/^\d+$/.test(telegramIdText) || !Number.isSafeInteger(telegramId)) {
    process.stderr.write(
      `"${telegramIdText}" is not a Telegram user id (a positive whole number, e.g. 123456789)\n`,
    );
    process.exit(2);
  }
  // Roles are declared by the capabilities this build ships (plus the platform's admin).
  const grantable = declarations(CAPABILITY_MODULES).roles.filter((r) => r.name !== 'user');
  if (!grantable.some((r) => r.name === role)) {
    process.stderr.write(`Unknown role "${role}": use ${grantable.map((r) => r.name).join(' or ')}\n`);
    process.exit(2);
  }
  try {
    const user = await withDatabase(config, async (database) => {
      await migrate(database);
      return createUserService({ db: database.db }).grantRole(telegramId, role, { kind: 'cli' });
    });
    process.stdout.write(`Telegram user ${telegramId} now has roles: ${user.roles.join(', ')}\n`);
  } catch (error) {
    if (isDomainError(error)) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    exitOnStartupError(error, loggerFor(config));
  }
}
