import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { type Database, openPostgres } from './database.ts';
import { MigrationError, migrate, readMigrations } from './migrate.ts';

let testDb: TestDatabase | undefined;
const extra: Database[] = [];
afterEach(async () => {
  for (const d of extra.splice(0)) await d.close();
  await testDb?.close();
});

describe('migrations', () => {
  it('apply every file once, in order, and are a no-op the second time', async () => {
    testDb = await createTestDatabase({ migrate: false });
    const files = await readMigrations();
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(await migrate(testDb.database)).toEqual(files.map((f) => f.name));
    expect(await migrate(testDb.database)).toEqual([]);
    const tables = await testDb.database.raw.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['users', 'audit_log', 'schema_migrations']),
    );
  });

  it('refuse to run when an applied migration was edited (append-only)', async () => {
    testDb = await createTestDatabase({ migrate: false });
    const files = await readMigrations();
    await migrate(testDb.database, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'changed' } : f));
    await expect(migrate(testDb.database, edited)).rejects.toThrow(MigrationError);
  });

  it('roll back a failing migration completely and report which one failed', async () => {
    testDb = await createTestDatabase({ migrate: false });
    const broken = [
      {
        name: '9999_broken.sql',
        sql: 'CREATE TABLE half_done (id int); SELECT nope FROM nowhere;',
        checksum: 'x',
      },
    ];
    await expect(migrate(testDb.database, broken)).rejects.toThrow(/9999_broken\.sql failed/);
    const rows = await testDb.database.raw.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'",
    );
    expect(rows).toEqual([]);
  });

  it('run exactly once when several processes migrate at the same moment', async () => {
    testDb = await createTestDatabase({ migrate: false });
    const url = testDb.url;
    for (let i = 0; i < 4; i++) extra.push(await openPostgres(url, { max: 2 }));
    const results = await Promise.all(extra.map((d) => migrate(d)));
    const files = await readMigrations();
    expect(results.filter((r) => r.length > 0)).toEqual([files.map((f) => f.name)]);
    const applied = await testDb.database.raw.query('SELECT name FROM schema_migrations');
    expect(applied).toHaveLength(files.length);
  });
});
