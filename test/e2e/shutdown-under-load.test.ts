import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxClient, type SandboxUser } from '../../src/sandbox/client.ts';
import { startSandboxServer } from '../../src/sandbox/standalone.ts';
import { removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

// The graceful twin of crash-recovery.e2e.test.ts: SIGTERM instead of SIGKILL, so nothing may be
// ambiguous afterwards — every update gets its reply exactly once, in order per chat.
const TOKEN = '5252:shutdown-under-load-token';
const CHATS = 50;
const PER_CHAT = 20;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('SIGTERM under load', () => {
  it(`SIGTERM while ${CHATS * PER_CHAT} updates stream in: after a restart every one is answered exactly once, in order per chat`, async () => {
    const telegram = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
    cleanups.push(() => telegram.close());
    const sb = createSandboxClient(telegram.url);
    const dataDir = tempDataDir('secretary-sigterm-');
    cleanups.push(() => removeDataDir(dataDir));
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      FLOOD_MAX_UPDATES: '10000',
      TELEGRAM_LIMITS: 'off',
      ...(process.env.TEST_DATABASE_URL ? await postgresEnv() : {}),
    };
    const start = () => {
      const p = spawnSecretary(['start'], env);
      cleanups.push(() => p.stop('SIGKILL'));
      return p;
    };
    let app: SecretaryProcess = start();
    await app.url(180_000);

    const users: SandboxUser[] = [];
    for (let i = 0; i < CHATS; i++)
      users.push(await sb.user(`sigterm-${i}`, { first_name: `T${i}`, language_code: 'en' }));
    const sent = new Map<number, number[]>(users.map((u) => [u.id, []]));
    // Round-robin over the chats, so every chat has updates queued and in flight at the signal.
    const sending = (async () => {
      for (let n = 0; n < PER_CHAT; n++) {
        await Promise.all(
          users.map(async (u) => {
            const message = await u.send(`message ${n}`);
            sent.get(u.id)?.push(message.id);
          }),
        );
      }
    })();

    const replies = async () => (await sb.calls('sendMessage')).length;
    const waitForReplies = async (n: number) => {
      while ((await replies()) < n) await new Promise((r) => setTimeout(r, 20));
    };
    await waitForReplies(300);
    // Telegram slows down (every sendMessage takes 250 ms), so the signal finds sends on the wire:
    // the case where cutting a request short used to make the restarted process send it again.
    await sb.faults.add({ method: 'sendMessage', delay_ms: 250, count: 10_000 });
    await waitForReplies((await replies()) + 1);
    const signalled = performance.now();
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    const shutdownMs = Math.round(performance.now() - signalled);
    await sb.faults.clear();
    const atSignal = await replies();
    expect(exit.code).toBe(0); // a clean exit, not the 20 s watchdog
    expect(app.output()).toMatch(/"msg":"stopped"/);
    await sending;

    app = start();
    await app.url(180_000);
    const total = CHATS * PER_CHAT;
    const replyTargets = async () => {
      const byChat = new Map<number, number[]>();
      for (const u of users) {
        const messages = await u.privateChat().messages();
        byChat.set(
          u.id,
          messages.filter((m) => m.fromBot).map((m) => m.data.reply_to_message?.message_id ?? -1),
        );
      }
      return byChat;
    };
    const count = (t: Map<number, number[]>) => [...t.values()].reduce((n, r) => n + r.length, 0);
    // Waits for the replies themselves (a duplicate would push the count past the total and is
    // caught below); gives up after two minutes so a lost update fails with the numbers.
    const deadline = Date.now() + 120_000;
    let targets = await replyTargets();
    while (count(targets) < total && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      targets = await replyTargets();
    }
    await app.stop('SIGTERM');

    const ambiguous = (app.output().match(/ambiguous send/g) ?? []).length;
    console.log(
      `SIGTERM after ${atSignal} of ${total} replies; the process exited ${shutdownMs} ms after the signal; ` +
        `replies after the restart: ${count(targets)}; ambiguous sends: ${ambiguous}`,
    );
    for (const [id, ids] of sent) {
      // Exactly the chat's messages, each answered once, in the order they were sent.
      expect({ chat: id, replies: targets.get(id) }).toEqual({ chat: id, replies: ids });
    }
    expect(ambiguous).toBe(0);
  }, 600_000);
});

async function postgresEnv(): Promise<Record<string, string>> {
  const { createTestDatabase } = await import('../support/test-database.ts');
  const db = await createTestDatabase({ migrate: false });
  cleanups.push(() => db.close());
  return { DATABASE_URL: db.url, ENCRYPTION_KEY: 'shutdown-under-load-test-key-0123456789' };
}
