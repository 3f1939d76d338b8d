import type { TestClock } from 'pg-boss';
import type { SandboxChat, SandboxMessage } from '../../src/sandbox/client.ts';

// Waiting on events under a test clock: workers wake only on the clock's timers, so a wait moves
// the clock in small steps and looks again — never a fixed sleep.

/** Id of the chat's latest message: later waits look only past it. */
export async function lastId(chat: SandboxChat): Promise<number> {
  return (await chat.messages()).at(-1)?.id ?? 0;
}

/** Jumps the clock to `iso` (timers it passed fire on the next tick). */
export async function jumpTo(clock: TestClock, iso: string): Promise<void> {
  await clock.setTime(new Date(iso));
}

/** Waits for a bot message after `since` matching `matcher`, ticking the clock 250 ms at a time. */
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
