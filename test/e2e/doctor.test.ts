import { afterAll, describe, expect, it } from 'vitest';
import { type SandboxServer, startSandboxServer } from '../../src/sandbox/standalone.ts';
import { removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { createTestDatabase } from '../support/test-database.ts';

// `secretary doctor` against a real Bot API (the standalone sandbox) and a running worker: each
// misconfiguration an operator meets is one failing line with what to do, and a non-zero exit.
const TOKEN = '7100000001:doctor-test-token-abcdef';
const running: SecretaryProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGTERM')));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function databaseEnv(): Promise<Record<string, string>> {
  const dir = tempDataDir();
  cleanups.push(() => removeDataDir(dir));
  if (!process.env.TEST_DATABASE_URL) return { DATA_DIR: dir };
  const testDb = await createTestDatabase({ migrate: false });
  cleanups.push(() => testDb.close());
  return { DATA_DIR: dir, DATABASE_URL: testDb.url, ENCRYPTION_KEY: 'doctor-test-key-0123456789abcdef0123' };
}

async function doctor(env: Record<string, string>) {
  const p = spawnSecretary(['doctor', '--pings', '2', '--timeout', '60'], env);
  running.push(p);
  const { code } = await p.exited;
  const lines = p.output().split('\n');
  const report = JSON.parse(lines.findLast((l) => l.startsWith('{') && l.includes('"checks"')) ?? 'null') as {
    checks: Array<{ name: string; status: string; detail: string; fix?: string }>;
  } | null;
  if (!report) throw new Error(`doctor printed no report:\n${p.output()}`);
  const check = (name: string) => report.checks.find((c) => c.name === name);
  return { code, check, output: p.output() };
}

describe('secretary doctor', () => {
  let telegram: SandboxServer;
  let env: Record<string, string>;

  it('passes on a working install: the token, no webhook while polling, workers, no dead letters', async () => {
    telegram = await startSandboxServer({ port: 0, token: TOKEN, botUsername: 'doctor_test_bot' });
    cleanups.push(() => telegram.close());
    env = {
      ...(await databaseEnv()),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      WORKER_PORT: '0',
    };
    const worker = spawnSecretary(['worker'], env);
    running.push(worker);
    await worker.workerUrl(180_000);

    const run = await doctor(env);
    expect(run.code, run.output).toBe(0);
    expect(run.check('telegram token')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('@doctor_test_bot'),
    });
    expect(run.check('telegram webhook')?.status).toBe('ok');
    expect(run.check('migrations')?.status).toBe('ok');
    expect(run.check('workers')?.status).toBe('ok');
    expect(run.check('dead letters')?.status).toBe('ok');
    expect(run.output).toMatch(/^✓ telegram token: @doctor_test_bot/m);
  }, 300_000);

  it('fails with what to do when a webhook is left set while polling, or points elsewhere', async () => {
    const set = await fetch(`${telegram.url}/bot${TOKEN}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/old-hook' }),
    });
    expect(set.status, await set.clone().text()).toBe(200);

    const polling = await doctor(env);
    expect(polling.code).toBe(1);
    expect(polling.check('telegram webhook')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('http://127.0.0.1:9/old-hook'),
      fix: expect.stringContaining('secretary serve'),
    });

    const webhook = await doctor({ ...env, PUBLIC_URL: 'https://bot.example.com' });
    expect(webhook.code).toBe(1);
    expect(webhook.check('telegram webhook')).toMatchObject({
      status: 'fail',
      detail:
        'the webhook points at http://127.0.0.1:9/old-hook, not https://bot.example.com/telegram/webhook',
    });
  }, 120_000);

  it('fails on a token Telegram refuses, saying where to get a good one', async () => {
    const run = await doctor({ ...env, TELEGRAM_BOT_TOKEN: '7100000001:a-revoked-token-xyz' });
    expect(run.code, run.output).toBe(1);
    expect(run.check('telegram token'), run.output).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('@BotFather'),
    });
  }, 120_000);
});
