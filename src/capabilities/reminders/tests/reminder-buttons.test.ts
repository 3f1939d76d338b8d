import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../../../test/support/bot-harness.ts';
import { createJobRuntime, type JobRuntime } from '../../../platform/jobs/job-queue.ts';
import { parseText } from '../../../platform/nl/index.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import { createMetrics } from '../../../platform/observability/metrics.ts';
import { createReminderFeature } from '../bot/reminder-feature.ts';
import { createDigestService, type DigestService } from '../digest-service.ts';
import { REMINDER_QUEUES } from '../index.ts';
import { createReminderService } from '../reminder-service.ts';
import type { ReminderService } from '../reminder-types.ts';

// Buttons the sandbox cannot press: data a modified client makes up. Telegram delivers any data a
// client sends, so a made-up reminder id (someone else's) or garbage must get an answer, not a crash.
const START = '2037-03-02T08:00:00Z';
let h: BotHarness;
let runtime: JobRuntime;
let service: ReminderService | undefined;
let digest: DigestService | undefined;

/** The services need the harness's database, which exists only once the harness (and its bot) is up. */
const late = <T extends object>(get: () => T | undefined) =>
  new Proxy({} as T, {
    get:
      (_, key) =>
      (...args: unknown[]) =>
        (get() as Record<string | symbol, (...a: unknown[]) => unknown>)[key]?.(...args),
  });

beforeAll(async () => {
  const clock = new TestClock(START);
  const now = () => new Date(clock.now());
  const feature = createReminderFeature({
    reminders: late(() => service),
    digest: late(() => digest),
    parse: parseText,
  });
  h = await startBotHarness({ features: [feature], now });
  runtime = createJobRuntime({
    database: h.testDb.database,
    logger: createLogger({ level: 'silent', pretty: false }),
    metrics: createMetrics({ defaultMetrics: false }),
    queues: REMINDER_QUEUES,
    clock,
  });
  await runtime.start();
  const deps = { db: h.testDb.database.db, users: h.users, jobs: runtime.jobs, now };
  service = createReminderService(deps);
  digest = createDigestService(deps);
});
afterAll(async () => {
  await runtime?.stop(1000);
  await h?.close();
});

const answers = (from: number) =>
  h.calls
    .slice(from)
    .filter((c) => c.method === 'answerCallbackQuery')
    .map((c) => c.payload.text);

/** The callback data of the first button of the last keyboard the bot sent. */
function firstButtonData(): string {
  const sent = h.calls.filter((c) => c.method === 'sendMessage' && c.payload.reply_markup).at(-1);
  const markup = sent?.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
  const data = markup.inline_keyboard[0]?.[0]?.callback_data;
  if (!data) throw new Error('no button');
  return data;
}

describe('reminder buttons with made-up data', () => {
  it("someone else's reminder: told it is gone, and nothing of theirs is shown or changed", async () => {
    await h.send('/remind tomorrow at 9 call the bank', { fromId: 42 });
    await h.send('/reminders', { fromId: 42 });
    const theirs = firstButtonData();
    expect(theirs).toMatch(/^rl:o:0:/);
    const from = h.calls.length;
    await h.press(theirs, 5000, { fromId: 77 });
    await h.press(theirs.replace('rl:o:', 'rl:dy:'), 5000, { fromId: 77 });
    expect(answers(from)).toEqual([
      expect.stringMatching(/^That reminder no longer exists/),
      expect.stringMatching(/^That reminder no longer exists/),
    ]);
    expect(h.texts(from).join('\n')).not.toContain('bank');
    // Still there for its owner.
    await h.send('/reminders', { fromId: 42 });
    expect(h.texts().at(-1)).toContain('1. Call the bank');
  });

  it('malformed or unknown data: "out of date", never silence', async () => {
    const from = h.calls.length;
    for (const data of [
      'rl:o:0:not-an-id',
      'rl:zz:0',
      'rl:o:x:AAAAAAAAAAAAAAAAAAAAAA',
      'rl:mv:0:AAAAAAAAAAAAAAAAAAAAAA',
    ])
      await h.press(data, 5000, { fromId: 42 });
    expect(answers(from)).toEqual(Array(4).fill('This button is out of date.'));
  });
});
