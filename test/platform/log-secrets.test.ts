import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem } from '../../src/app/system.ts';
import { loadConfig, SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createSandboxClient } from '../../src/sandbox/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const ENCRYPTION_KEY = 'log-test-encryption-key-0123456789abcdef';
let testDb: TestDatabase;
let system: System;
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'secretary-log-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ENCRYPTION_KEY,
    LOG_LEVEL: 'trace',
    TELEGRAM_LIMITS: 'off',
  });
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'trace', pretty: false, destination });
  system = await startSystem(config, { http: true, worker: true }, logger, { database: testDb.database });
});
afterAll(async () => {
  await system.stop();
  await testDb.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a trace-level log of a real session', () => {
  it('carries no message text, token, initData or query parameter', async () => {
    const url = system.url as string;
    const secrets: string[] = [ENCRYPTION_KEY, SANDBOX_BOT_TOKEN.split(':')[1] as string];

    // A person writes to the bot through the local Telegram; the bot answers with what it understood.
    const user = await createSandboxClient(url).user('logged_lara');
    await user.send('/start');
    await user.privateChat().nextMessage();
    const phrase = 'buy okapi-sticker-7731 for the zebu party';
    await user.send(phrase);
    const card = await user.privateChat().nextMessage(/okapi-sticker-7731/);
    secrets.push('okapi-sticker-7731', 'zebu party');

    // Mini App sign-in, then an API call with a forged token.
    const { init_data } = await user.webApp();
    const hash = new URLSearchParams(init_data).get('hash') as string;
    secrets.push(hash);
    const login = await fetch(`${url}/api/v1/auth/webapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data }),
    });
    const { token } = (await login.json()) as { token: string };
    secrets.push(token.split('.')[2] as string);
    const forged = `${token.slice(0, -6)}AAAAAA`;
    secrets.push(forged.split('.')[2] as string);
    expect((await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(
      401,
    );

    // A database error whose query parameters hold what the person wrote.
    await testDb.database.raw.exec(
      `ALTER TABLE task_categories ADD CONSTRAINT log_test_boom CHECK (name <> 'tapir-category-5521')`,
    );
    const failed = await fetch(`${url}/api/v1/categories`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tapir-category-5521' }),
    });
    expect(failed.status).toBe(500);
    secrets.push('tapir-category-5521');
    await card.click('Cancel').catch(() => {});

    const log = lines.join('');
    // The log is real and detailed: the failure and the traffic are in it.
    expect(log).toMatch(/"level":20/);
    expect(log).toMatch(/unhandled error/);
    expect(log).toMatch(/log_test_boom/);
    expect(log).toMatch(/token_invalid/);
    for (const secret of secrets) expect(log, `log contains ${secret}`).not.toContain(secret);
  });
});
