import type { SandboxChat, SandboxUser } from '../../src/sandbox/client.ts';
import type { TestSystem } from './test-system.ts';

/** A sandbox user already registered with this timezone, as if onboarding had run. */
export async function registeredPerson(
  t: TestSystem,
  name: string,
  language: 'en' | 'ru',
  timezone: string,
): Promise<{ user: SandboxUser; chat: SandboxChat; userId: string }> {
  const user = await t.sb.user(name, { first_name: name, language_code: language });
  const row = await t.system.users.upsertFromTelegram({
    id: user.id,
    first_name: name,
    language_code: language,
  });
  await t.system.users.updateSettings(row.id, { timezone, timezoneConfirmed: true, onboarded: true });
  return { user, chat: user.privateChat(), userId: row.id };
}
