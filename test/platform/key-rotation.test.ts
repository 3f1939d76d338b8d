import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '../../src/cli/commands/keys.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createKeyring, keyIdFor } from '../../src/platform/crypto/keyring.ts';
import { resolveEncryptionKey } from '../../src/platform/crypto/keys.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let testDb: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'secretary-rotate-'));
});
afterAll(async () => {
  await testDb.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const titles = async () =>
  (await testDb.database.raw.query<{ title: string }>('SELECT title FROM tasks ORDER BY id')).map(
    (r) => r.title,
  );

describe('secretary keys rotate with the key generated in DATA_DIR', () => {
  it('makes a new key, keeps the old one readable, and re-encrypts every row under the new key', async () => {
    const { key: first } = resolveEncryptionKey({ configured: undefined, dataDir });
    const sealed = createKeyring({ current: first });
    const userId = randomUUID();
    await testDb.database.raw.query(`INSERT INTO users (id, first_name) VALUES ($1, 'Rota')`, [userId]);
    for (const title of ['Plain legacy heron', 'Sealed ibis']) {
      const value = title.startsWith('Plain') ? title : sealed.seal(title);
      await testDb.database.raw.query('INSERT INTO tasks (id, user_id, title) VALUES ($1, $2, $3)', [
        randomUUID(),
        userId,
        value,
      ]);
    }

    const config = loadConfig({ DATA_DIR: dataDir });
    const report = await rotateKeys(config, testDb.database);

    const second = readFileSync(join(dataDir, 'encryption.key'), 'utf8').trim();
    expect(second).not.toBe(first);
    expect(report.keyId).toBe(keyIdFor(second));
    expect(readFileSync(join(dataDir, 'encryption.key.previous'), 'utf8')).toContain(first);
    for (const file of ['encryption.key', 'encryption.key.previous'])
      expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    const stored = await titles();
    for (const value of stored) expect(value.startsWith(`enc1:${keyIdFor(second)}:`)).toBe(true);
    const ring = createKeyring({ current: second });
    expect(stored.map((v) => ring.open(v)).sort()).toEqual(['Plain legacy heron', 'Sealed ibis']);
  });
});
