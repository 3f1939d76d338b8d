import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SandboxChat } from '../../src/sandbox/client.ts';
import { registeredPerson } from '../support/test-people.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
let en: SandboxChat;
let ru: SandboxChat;
let cutOff = false;
const restore = () => t.testDb.admin(`ALTER DATABASE ${t.testDb.name} ALLOW_CONNECTIONS true`);

beforeAll(async () => {
  // The real check loop (leader-gated), every second.
  t = await startTestSystem({ ALERT_CHECK_SECONDS: '1' });
  const ada = await registeredPerson(t, 'Ada', 'en', 'Europe/London');
  const boris = await registeredPerson(t, 'Борис', 'ru', 'Europe/Moscow');
  for (const admin of [ada, boris])
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
  [en, ru] = [ada.chat, boris.chat];
  await t.system.alerts?.tick(); // reads the admins while the database is up
  // This process checks the alerts (it holds the lock), as one does in production.
  await vi.waitFor(() => expect(t.system.alerts?.leading()).toBe(true), { timeout: 20_000, interval: 100 });
}, 60_000);
afterAll(async () => {
  if (cutOff) await restore();
  await t?.close();
});

describe('the database becoming unreachable', () => {
  it('is told to the admins from memory (no queue, no database), and its end too', async () => {
    // Cut this database off: no new connections, and every open one is closed.
    cutOff = true;
    await t.testDb.admin(`ALTER DATABASE ${t.testDb.name} ALLOW_CONNECTIONS false`);
    await t.testDb.admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.testDb.name}'`,
    );
    const down = { timeoutMs: 30_000 };
    expect((await en.nextMessage(/Alert: the database is unreachable/, down)).text).toContain('DATABASE_URL');
    expect((await ru.nextMessage(/Тревога: база данных недоступна/, down)).text).toContain('DATABASE_URL');
    expect(t.system.alerts?.firing()).toContain('database');

    await restore();
    cutOff = false;
    expect((await en.nextMessage(/Resolved: the database answers again/, down)).text).toMatch(
      /unreachable from \w{3} \d+ \w{3}, \d\d:\d\d/,
    );
    expect((await ru.nextMessage(/Отбой: база данных снова отвечает/, down)).text).toContain(
      'была недоступна с',
    );
    // The system works again: the bot answers.
    const dana = await t.sb.user('Dana', { first_name: 'Dana', language_code: 'en' });
    await dana.send('/start');
    expect((await dana.privateChat().nextMessage(undefined, { timeoutMs: 30_000 })).text).toBeTruthy();
  }, 120_000);
});
