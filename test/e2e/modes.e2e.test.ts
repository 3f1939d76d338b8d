import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxClient } from '../../src/sandbox/client.ts';
import { type SandboxServer, startSandboxServer } from '../../src/sandbox/standalone.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { startTestSystem } from '../support/test-system.ts';

const TOKEN = '4242:standalone-sandbox-test-token';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function externalTelegram(): Promise<SandboxServer> {
  const sandbox = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

function runSecretary(env: Record<string, string>): SecretaryProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'secretary-modes-'));
  const p = spawnSecretary(['start'], {
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TELEGRAM_BOT_TOKEN: TOKEN,
    ...env,
  });
  cleanups.push(async () => {
    await p.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return p;
}

describe('modes against the standalone sandbox used as a self-hosted Bot API server', () => {
  it('polling: a token and TELEGRAM_API_ROOT, no PUBLIC_URL', async () => {
    const telegram = await externalTelegram();
    const app = runSecretary({ PORT: '0', TELEGRAM_API_ROOT: telegram.url });
    await app.url(180_000);
    const sb = createSandboxClient(telegram.url);
    const user = await sb.user('polly', { first_name: 'Polly', language_code: 'en' });
    await user.send('/start');
    await user.privateChat().nextMessage(/Hi, Polly!/, { timeoutMs: 20_000 });
    expect(app.output()).toContain('"telegram":"polling"');
  }, 240_000); // a real embedded PostgreSQL is initialised first

  it('webhook: the app registers its webhook with a generated secret and updates flow', async () => {
    const telegram = await externalTelegram();
    const port = await freePort();
    const app = runSecretary({
      PORT: String(port),
      TELEGRAM_API_ROOT: telegram.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    await app.url(180_000);
    const sb = createSandboxClient(telegram.url);
    const user = await sb.user('wendy', { first_name: 'Венди', language_code: 'ru' });
    await user.send('/start');
    await user.privateChat().nextMessage(/Привет, Венди!/, { timeoutMs: 20_000 });
    const [setWebhook] = await sb.calls('setWebhook');
    expect(setWebhook?.params).toMatchObject({ url: `http://127.0.0.1:${port}/telegram/webhook` });
    expect(String((setWebhook?.params as { secret_token?: string } | undefined)?.secret_token)).toMatch(
      /^[A-Za-z0-9_-]{32,256}$/,
    );
  }, 240_000); // a real embedded PostgreSQL is initialised first
});

describe('webhook ingress security', () => {
  it('rejects requests without or with a wrong secret (401) and stores nothing', async () => {
    const t = await startTestSystem({ TELEGRAM_INGRESS: 'webhook' });
    cleanups.push(() => t.close());
    const update = {
      update_id: 999_001,
      message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, text: 'x' },
    };
    const post = (headers: Record<string, string>) =>
      fetch(`${t.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    const stored = await t.testDb.database.raw.query(
      'SELECT 1 FROM telegram_updates WHERE update_id = 999001',
    );
    expect(stored).toEqual([]);

    // The sandbox itself delivers by webhook with the right secret: the bot answers.
    await t.sb.limits(false);
    const user = await t.sb.user('webby', { first_name: 'Webby', language_code: 'en' });
    await user.send('/start');
    await user.privateChat().nextMessage(/Hi, Webby!/, { timeoutMs: 20_000 });
  });
});
