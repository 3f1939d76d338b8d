import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_MARK } from '../../src/platform/crypto/encrypted-columns.ts';
import { installKeyring } from '../../src/platform/crypto/encrypted-text.ts';
import { createKeyring } from '../../src/platform/crypto/keyring.ts';

// A column the migrations mark `secretary:encrypted` is sealed by the platform at start and on key
// rotation, but only the Drizzle column type seals what the app writes: a marked column mapped as
// plain `text` stores every new value in clear until the next start (issue 29, High 1). The reverse
// gap is as bad: an encrypted Drizzle column the migrations do not mark is skipped by rotation, so
// dropping the previous key makes its old values unreadable. Both directions are checked here,
// from the files alone (no database).

const ROOT = resolve(import.meta.dirname, '../..');

/** `table.column` marked encrypted after all migrations ran (a later comment replaces an earlier one). */
function markedInMigrations(): Map<string, string> {
  const marked = new Map<string, string>();
  const dir = join(ROOT, 'migrations');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/--[^\n]*/g, '');
    for (const m of text.matchAll(/COMMENT\s+ON\s+COLUMN\s+"?(\w+)"?\."?(\w+)"?\s+IS\s+(NULL|'([^']*)')/gi)) {
      const key = `${m[1]}.${m[2]}`;
      if (m[4] === ENCRYPTED_MARK) marked.set(key, file);
      else marked.delete(key);
    }
  }
  return marked;
}

async function drizzleColumns(): Promise<Map<string, { column: PgColumn; file: string }>> {
  const src = join(ROOT, 'src');
  const sources = readdirSync(src, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => !path.includes('/tests/') && readFileSync(path, 'utf8').includes('pgTable('));
  const columns = new Map<string, { column: PgColumn; file: string }>();
  for (const path of sources) {
    for (const value of Object.values(await import(path))) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      for (const column of config.columns)
        columns.set(`${config.name}.${column.name}`, { column, file: relative(ROOT, path) });
    }
  }
  return columns;
}

/** Whether the app's writes to this column are sealed: what a user's text becomes on its way to the database. */
function seals(column: PgColumn): boolean {
  const previous = installKeyring(createKeyring({ current: 'house-rule-key-0123456789abcdefghij' }));
  try {
    const stored = column.mapToDriverValue('a person typed this');
    return typeof stored === 'string' && stored.startsWith('enc1:') && !stored.includes('typed this');
  } catch {
    return false;
  } finally {
    installKeyring(previous);
  }
}

describe('encrypted columns', () => {
  it('every column a migration marks encrypted is sealed by its Drizzle type (encryptedText)', async () => {
    const marked = markedInMigrations();
    expect(marked.size).toBeGreaterThan(10);
    const columns = await drizzleColumns();
    const gaps = [...marked].flatMap(([name, migration]) => {
      const found = columns.get(name);
      if (!found)
        return [
          `${name} (marked in ${migration}) has no Drizzle column: map it with encryptedText (or encryptedJson)`,
        ];
      return seals(found.column)
        ? []
        : [
            `${name} (marked in ${migration}) is plain in ${found.file}: map it with encryptedText (or encryptedJson)`,
          ];
    });
    expect(gaps).toEqual([]);
  });

  it('every Drizzle column that seals is marked encrypted in a migration (so rotation re-seals it)', async () => {
    const marked = markedInMigrations();
    const unmarked = [...(await drizzleColumns())]
      .filter(([name, { column }]) => !marked.has(name) && seals(column))
      .map(
        ([name, { file }]) =>
          `${name} (${file}) seals but no migration says COMMENT ON COLUMN ${name} IS '${ENCRYPTED_MARK}'`,
      );
    expect(unmarked).toEqual([]);
  });
});
