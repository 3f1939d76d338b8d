import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem } from '../../src/app/system.ts';
import { rotateKeys } from '../../src/cli/commands/keys.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createKeyring, keyIdFor } from '../../src/platform/crypto/keyring.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createSandboxClient } from '../../src/sandbox/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const OLD_KEY = 'old-encryption-key-0123456789abcdef';
const NEW_KEY = 'new-encryption-key-0123456789abcdef';
let testDb: TestDatabase;
let dataDir: string;
let running: System | null = null;
beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'secretary-enc-'));
});
afterAll(async () => {
  await running?.stop();
  await testDb.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const configFor = (env: Record<string, string>) =>
  loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TELEGRAM_LIMITS: 'off', ...env });

async function boot(env: Record<string, string>): Promise<System> {
  await running?.stop();
  running = null;
  const logger = createLogger({ level: 'silent', pretty: false });
  running = await startSystem(configFor(env), { http: true, worker: true }, logger, {
    database: testDb.database,
  });
  return running;
}

async function signIn(system: System, name: string) {
  const user = await createSandboxClient(system.url as string).user(name);
  const { init_data } = await user.webApp();
  const login = await fetch(`${system.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  const { token } = (await login.json()) as { token: string };
  return { user, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
}

const stored = (sql: string) =>
  testDb.database.raw.query<{ v: string }>(sql).then((rows) => rows.map((r) => r.v));

describe('text people write is encrypted at rest', () => {
  let taskId = '';
  let api: (path: string) => Promise<Record<string, unknown>>;

  it('stores ciphertext, while the API and the bot show the text', async () => {
    const system = await boot({ ENCRYPTION_KEY: OLD_KEY });
    const { user, headers } = await signIn(system, 'cipher_carol');
    api = async (path) => (await (await fetch(`${running?.url}${path}`, { headers })).json()) as never;
    const created = await fetch(`${system.url}/api/v1/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Essay on zebra-42',
        description: 'notes about quokka-77',
        due_at: '2037-01-02T10:00:00Z',
      }),
    });
    expect(created.status).toBe(201);
    taskId = ((await created.json()) as { id: string }).id;
    const reminder = await fetch(`${system.url}/api/v1/reminders`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'Call walrus-13', due_at: '2037-01-01T09:00:00Z' }),
    });
    expect(reminder.status).toBe(201);

    const raw = [
      ...(await stored('SELECT title AS v FROM tasks')),
      ...(await stored('SELECT description AS v FROM tasks')),
      ...(await stored('SELECT text AS v FROM reminders')),
    ];
    expect(raw).toHaveLength(3);
    for (const value of raw) {
      expect(value.startsWith(`enc1:${keyIdFor(OLD_KEY)}:`)).toBe(true);
      expect(value).not.toMatch(/zebra|quokka|walrus/);
    }
    expect(await api(`/api/v1/tasks/${taskId}`)).toMatchObject({
      title: 'Essay on zebra-42',
      description: 'notes about quokka-77',
    });
    expect(JSON.stringify(await api('/api/v1/reminders'))).toContain('Call walrus-13');

    // Nothing is due today, so /tasks opens on the upcoming ones.
    await user.send('/tasks');
    const upcoming = await user.privateChat().nextMessage(/Tasks — Upcoming/);
    expect(upcoming.text).toContain('Essay on zebra-42');
  });

  it('encrypts rows written before encryption existed at the next start', async () => {
    await testDb.database.raw.query(`UPDATE tasks SET title = 'Legacy plain yak-5' WHERE id = $1`, [taskId]);
    await boot({ ENCRYPTION_KEY: OLD_KEY });
    const [title] = await stored('SELECT title AS v FROM tasks');
    expect(title?.startsWith(`enc1:${keyIdFor(OLD_KEY)}:`)).toBe(true);
    expect(await api(`/api/v1/tasks/${taskId}`)).toMatchObject({ title: 'Legacy plain yak-5' });
  });

  it('refuses to start with the wrong key, naming the key ids', async () => {
    await running?.stop();
    running = null;
    await expect(boot({ ENCRYPTION_KEY: NEW_KEY })).rejects.toThrow(
      new RegExp(`encrypted with key ${keyIdFor(OLD_KEY)}.*ENCRYPTION_KEY is key ${keyIdFor(NEW_KEY)}`),
    );
  });

  it('rotates: every value is re-encrypted under the new key, and the old key is no longer needed', async () => {
    const config = configFor({ ENCRYPTION_KEY: NEW_KEY, ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
    const report = await rotateKeys(config, testDb.database);
    expect(report.keyId).toBe(keyIdFor(NEW_KEY));
    const resealed = Object.fromEntries(report.columns.map((c) => [`${c.table}.${c.column}`, c.resealed]));
    expect(resealed).toMatchObject({ 'tasks.title': 1, 'tasks.description': 1, 'reminders.text': 1 });
    for (const column of ['title', 'description']) {
      const [value] = await stored(`SELECT ${column} AS v FROM tasks`);
      expect(value?.startsWith(`enc1:${keyIdFor(NEW_KEY)}:`)).toBe(true);
    }
    // A second run has nothing left to do.
    expect((await rotateKeys(config, testDb.database)).columns.every((c) => c.resealed === 0)).toBe(true);

    const system = await boot({ ENCRYPTION_KEY: NEW_KEY });
    const { headers } = await signIn(system, 'cipher_carol');
    api = async (path) => (await (await fetch(`${running?.url}${path}`, { headers })).json()) as never;
    expect(await api(`/api/v1/tasks/${taskId}`)).toMatchObject({
      title: 'Legacy plain yak-5',
      description: 'notes about quokka-77',
    });
  });

  it('detects tampering with a sealed value', () => {
    const ring = createKeyring({ current: NEW_KEY });
    const sealed = ring.seal('hello');
    const flipped = `${sealed.slice(0, -4)}${sealed.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(() => ring.open(flipped)).toThrow(/corrupt or was tampered with/);
    expect(ring.open(sealed)).toBe('hello');
  });
});
