import { TestClock } from 'pg-boss';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxUser } from '../../../sandbox/client.ts';
import { createTaskService } from '../task-service.ts';

/** Monday 2 March 2037, 08:00 UTC: ahead of the real clock (PostgreSQL defaults some job times to its own now()). */
export const START = '2037-03-02T08:00:00Z';

export async function startBotSystem(): Promise<{ t: TestSystem; clock: TestClock }> {
  const clock = new TestClock(START);
  const t = await startTestSystem({}, { clock });
  await t.sb.limits(false);
  return { t, clock };
}

/** A sandbox user already registered with this timezone (as if onboarding had run). */
export async function person(
  t: TestSystem,
  name: string,
  language: 'en' | 'ru',
  timezone: string,
): Promise<{ user: SandboxUser; userId: string }> {
  const user = await t.sb.user(name, { first_name: name, language_code: language });
  const row = await t.system.users.upsertFromTelegram({
    id: user.id,
    first_name: name,
    language_code: language,
  });
  await t.system.users.updateSettings(row.id, { timezone, timezoneConfirmed: true, onboarded: true });
  return { user, userId: row.id };
}

/** The tasks service over the running system's database and job queue (to set up many tasks fast). */
export function serviceOf(t: TestSystem, clock: TestClock) {
  return createTaskService({
    db: t.system.database.db,
    jobs: t.system.jobs.jobs,
    users: t.system.users,
    now: () => new Date(clock.now()),
  });
}
