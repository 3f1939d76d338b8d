import { TestClock } from 'pg-boss';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';

/**
 * The whole system on a test clock: delayed jobs fire when the test moves time, never by sleeping.
 * Start it later than the real time: on PostgreSQL, updates enqueued through `JobPort.sendMany`
 * (pg-boss `insert`) get start_after from the real clock, so with a test clock behind it the bot
 * never handles a message (reported to the lead; PGlite is not affected).
 */
export async function startClockedSystem(start: string): Promise<{ t: TestSystem; clock: TestClock }> {
  const clock = new TestClock(start);
  const t = await startTestSystem({}, { clock });
  await t.sb.limits(false);
  return { t, clock };
}

/** A sandbox user already registered with this timezone (as if onboarding had run). */
export const person = registeredPerson;

export { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
