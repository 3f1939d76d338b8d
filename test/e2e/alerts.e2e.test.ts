import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CapabilityModule } from '../../src/capabilities/capability.ts';
import type { SandboxChat } from '../../src/sandbox/client.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** A capability whose one job always fails and is never retried: it lands in `flaky.boom.dead`. */
const flakyModule: CapabilityModule = {
  name: 'flaky',
  queues: [{ name: 'flaky.boom', retryLimit: 0 }],
  create(deps) {
    return {
      async startWorkers() {
        await deps.jobs.work('flaky.boom', async () => {
          throw new Error('boom: the handler always fails');
        });
      },
    };
  },
};

let t: TestSystem;
let en: SandboxChat;
let ru: SandboxChat;
const texts = async (chat: SandboxChat) => (await chat.messages()).map((m) => m.text ?? '');
const tick = () => (t.system.alerts as NonNullable<typeof t.system.alerts>).tick();

beforeAll(async () => {
  t = await startTestSystem({}, { modules: [flakyModule] });
  const admins = [await registeredPerson(t, 'Ada', 'en', 'Europe/London')];
  admins.push(await registeredPerson(t, 'Борис', 'ru', 'Europe/Moscow'));
  for (const admin of admins) await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
  en = admins[0]?.chat as SandboxChat;
  ru = admins[1]?.chat as SandboxChat;
  // A plain user is never alerted.
  await registeredPerson(t, 'Carol', 'en', 'UTC');
  await tick(); // the baseline: nothing fires
}, 60_000);
afterAll(() => t?.close());

const deadLetters = async () => (await t.system.jobs.jobs.pending('flaky.boom.dead')).length;

async function failOneJob(expected: number) {
  await t.system.jobs.jobs.send('flaky.boom', { n: expected });
  await vi.waitFor(async () => expect(await deadLetters()).toBe(expected), {
    timeout: 20_000,
    interval: 200,
  });
}

describe('operator alerts in Telegram', () => {
  it('a job parked in a dead-letter queue alerts every admin in their language, once, then "resolved"', async () => {
    expect(await texts(en)).toEqual([]);
    await failOneJob(1);
    await tick();
    expect((await en.nextMessage(/Alert: jobs failed every retry/)).text).toContain('flaky.boom (+1)');
    expect((await ru.nextMessage(/Тревога: задания не выполнились/)).text).toContain('flaky.boom (+1)');
    expect(await texts(en)).toEqual([expect.stringContaining('secretary dead-letters --replay')]);

    // Still firing: not said again.
    await tick();
    expect(await texts(en)).toHaveLength(1);
    expect(await texts(ru)).toHaveLength(1);

    // The operator removes the parked job: resolved.
    await t.system.jobs.jobs.boss.deleteAllJobs('flaky.boom.dead');
    await tick();
    expect((await en.nextMessage(/Resolved: the dead-letter queues are back/)).text).toMatch(
      /before \w{3} \d+/,
    );
    expect((await ru.nextMessage(/Отбой: очереди недоставленных вернулись/)).text).toMatch(/до \S+ \d+/);

    // Rate limit: a new failure within the repeat window is not announced again.
    await failOneJob(1);
    await tick();
    expect(await texts(en)).toHaveLength(2);
    expect(await texts(ru)).toHaveLength(2);
    expect(t.system.alerts?.firing()).toContain('dead_letters');
    await t.system.jobs.jobs.boss.deleteAllJobs('flaky.boom.dead');
    await tick();
    expect(await texts(en)).toHaveLength(2); // its firing was never sent, so neither is a "resolved"
  }, 60_000);

  it('Telegram rejecting the token (401) cannot be told while it lasts; admins learn it when it clears', async () => {
    const before = { en: (await texts(en)).length, ru: (await texts(ru)).length };
    await t.sb.faults.add({ method: 'getMe', status: 401, count: 1 });
    await t.sb.faults.add({ method: 'sendMessage', status: 401, count: 2 });
    await tick();
    expect(t.system.alerts?.firing()).toContain('telegram_token');
    expect(await texts(en)).toHaveLength(before.en); // the firing message was refused with 401

    await t.sb.faults.clear();
    await tick();
    expect(t.system.alerts?.firing()).not.toContain('telegram_token');
    expect((await en.nextMessage(/Telegram accepts the bot token again/)).text).toContain(
      'no message could be sent meanwhile',
    );
    expect((await ru.nextMessage(/Telegram снова принимает токен/)).text).toContain(
      'отправить сообщение в это время было нельзя',
    );
    expect(await texts(en)).toHaveLength(before.en + 1);
  }, 60_000);
});
