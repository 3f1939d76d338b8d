import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { statementName } from './statement-cache.ts';

describe('statement cache', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.close());

  it('names a parameterised text from its second run on, the same name every time', () => {
    const text = `select $1::int + ${Math.random()}`;
    expect(statementName(text)).toBeUndefined();
    const name = statementName(text);
    expect(name).toMatch(/^s_[\w-]{20}$/);
    expect(statementName(text)).toBe(name);
    expect(statementName(`${text} `)).toBeUndefined();
  });

  it('runs named statements on the pool: results as before, prepared once per connection', async () => {
    const { pool } = testDb.database;
    const client = await pool.connect();
    try {
      const text = 'select $1::int * 2 as doubled, $2::text as label';
      for (let i = 0; i < 5; i++) {
        const { rows } = await client.query({ text, values: [i, `n${i}`] });
        expect(rows).toEqual([{ doubled: i * 2, label: `n${i}` }]);
      }
      const prepared = await client.query(
        'select count(*)::int as n from pg_prepared_statements where statement = $1',
        [text],
      );
      expect(prepared.rows[0]?.n).toBe(1);
      // Without parameters a statement stays unnamed (simple protocol: several statements allowed).
      await client.query({ text: 'select 1; select 2' });
    } finally {
      client.release();
    }
  });
});
