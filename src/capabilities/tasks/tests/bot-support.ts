import { TestClock } from 'pg-boss';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
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
export const person = registeredPerson;

/** The tasks service over the running system's database and job queue (to set up many tasks fast). */
export function serviceOf(t: TestSystem, clock: TestClock) {
  return createTaskService({
    db: t.system.database.db,
    jobs: t.system.jobs.jobs,
    users: t.system.users,
    now: () => new Date(clock.now()),
  });
}
