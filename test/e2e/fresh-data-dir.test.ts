import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// Production layout on a new machine: DATABASE_URL set, and DATA_DIR (default ./data) not created
// yet. Every process keeps files there (Web Push keys), so it makes it; it crashed with ENOENT on
// vapid.json before (found by bench/scale.ts).
const dataDir = join(tmpdir(), `secretary-fresh-${process.pid}`, 'data');
let testDb: TestDatabase;
let app: SecretaryProcess | undefined;
afterAll(async () => {
  await app?.stop('SIGTERM');
  await testDb?.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('serve with DATABASE_URL on a fresh machine', () => {
  it('creates DATA_DIR (0700) and starts', async () => {
    testDb = await createTestDatabase({ migrate: false });
    expect(existsSync(dataDir)).toBe(false);
    app = spawnSecretary(['serve'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: testDb.url,
      ENCRYPTION_KEY: 'fresh-data-dir-key-0123456789abcdef012345',
    });
    const url = await app.url(180_000);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dataDir, 'vapid.json'))).toBe(true);
  }, 240_000);
});
