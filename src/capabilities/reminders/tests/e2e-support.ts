import { TestClock } from 'pg-boss';
import { registeredPerson } from '../../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage } from '../../../sandbox/client.ts';

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

/** Id of the chat's latest message: later waits look only past it. */
export async function lastId(chat: SandboxChat): Promise<number> {
  return (await chat.messages()).at(-1)?.id ?? 0;
}

/** Jumps the clock to `iso` (timers it passed fire on the next tick). */
export async function jumpTo(clock: TestClock, iso: string): Promise<void> {
  await clock.setTime(new Date(iso));
}

/**
 * Waits for a bot message after `since` matching `matcher`, moving the clock in small steps so
 * the job workers poll (they only wake on the clock's timers).
 */
export async function waitMessage(
  clock: TestClock,
  chat: SandboxChat,
  matcher: RegExp,
  since: number,
  maxTicks = 40,
): Promise<SandboxMessage> {
  for (let i = 0; i < maxTicks; i++) {
    const found = (await chat.messages()).find((m) => m.fromBot && m.id > since && matcher.test(m.text));
    if (found) return found;
    await clock.tick(250);
  }
  const seen = (await chat.messages()).filter((m) => m.id > since).map((m) => m.text);
  throw new Error(`no bot message matching ${matcher} (seen: ${JSON.stringify(seen)})`);
}

/** Moves the clock `ticks` × 250 ms and asserts the bot said nothing after `since`. */
export async function expectSilence(clock: TestClock, chat: SandboxChat, since: number, ticks = 12) {
  for (let i = 0; i < ticks; i++) await clock.tick(250);
  const said = (await chat.messages()).filter((m) => m.fromBot && m.id > since).map((m) => m.text);
  if (said.length) throw new Error(`expected silence, the bot said ${JSON.stringify(said)}`);
}
