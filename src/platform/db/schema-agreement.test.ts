import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';

// The SQL migrations are the source of truth; the Drizzle tables beside the code mirror them for
// typed queries. This checks the mirror against a migrated database: every table and column
// exists, with the same type and nullability.

const SRC = resolve(import.meta.dirname, '../..');
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.close());

async function drizzleTables(): Promise<PgTable[]> {
  const sources = readdirSync(SRC, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.includes('/tests/') && readFileSync(path, 'utf8').includes('pgTable('));
  const tables = new Map<string, PgTable>();
  for (const path of sources) {
    for (const value of Object.values(await import(path))) {
      if (is(value, PgTable)) tables.set(getTableConfig(value).name, value);
    }
  }
  return [...tables.values()];
}

const normalise = (type: string) =>
  type
    .replace('time without time zone', 'time')
    .replace('timestamp without time zone', 'timestamp')
    .replace('character varying', 'varchar')
    .replace(/^numeric\(.*\)$/, 'numeric');

describe('migrations and Drizzle tables', () => {
  it('agree on every table, column, type and nullability', async () => {
    const tables = await drizzleTables();
    expect(tables.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const table of tables) {
      const config = getTableConfig(table);
      const rows = await testDb.database.raw.query<{ name: string; type: string; not_null: boolean }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
           FROM pg_attribute a
          WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
        [config.name],
      );
      if (rows.length === 0) {
        problems.push(`${config.name}: no such table in the migrations`);
        continue;
      }
      const columns = new Map(rows.map((r) => [r.name, r]));
      for (const column of config.columns) {
        const actual = columns.get(column.name);
        if (!actual) problems.push(`${config.name}.${column.name}: no such column`);
        else if (normalise(actual.type) !== normalise(column.getSQLType()))
          problems.push(`${config.name}.${column.name}: SQL ${actual.type}, Drizzle ${column.getSQLType()}`);
        else if (actual.not_null !== (column.notNull || column.primary))
          problems.push(`${config.name}.${column.name}: NOT NULL differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});
