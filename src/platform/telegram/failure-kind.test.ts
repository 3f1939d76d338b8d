import { sql } from 'drizzle-orm';
import { BotError, GrammyError, HttpError } from 'grammy';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { classifyFailure } from './failure-kind.ts';
import { TelegramRetryLaterError } from './telegram-errors.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await testDb.close();
});

/** A real error from the database, raised with this SQLSTATE and caught as Drizzle hands it over. */
async function raised(code: string): Promise<unknown> {
  return testDb.database.db
    .execute(sql.raw(`DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '${code}'; END $$`))
    .then(() => null)
    .catch((error: unknown) => error);
}

describe('classifyFailure walks the cause chain', () => {
  it('reads the SQLSTATE under Drizzle’s wrapper: outages and conflicts are transient, bugs permanent', async () => {
    for (const code of ['40001', '40P01', '57P01', '08006', '53300']) {
      const error = await raised(code);
      expect(error, code).toBeInstanceOf(Error);
      expect(classifyFailure(error).kind, code).toBe('transient');
    }
    for (const code of ['23505', '22P02', 'P0001']) {
      expect(classifyFailure(await raised(code)).kind, code).toBe('permanent');
    }
  });

  it('a connection killed under a query, and one refused, are transient', async () => {
    const url = testDb.url;
    const victim = new pg.Pool({ connectionString: url, max: 1 });
    victim.on('error', () => undefined);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const running = victim.query('SELECT pg_sleep(30)').catch((error: unknown) => error);
      await new Promise((r) => setTimeout(r, 200));
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      expect(classifyFailure(await running).kind).toBe('transient');
      const refused = await new pg.Client({ connectionString: 'postgres://x@127.0.0.1:1/x' })
        .connect()
        .catch((error: unknown) => error);
      expect(classifyFailure(refused).kind).toBe('transient');
    } finally {
      await admin.end();
      await victim.end();
    }
  });

  it('Telegram: 429 and our retry-later are "later", 5xx and network transient, 4xx permanent — also inside BotError', () => {
    const retryAt = new Date(Date.now() + 40_000);
    const later = new TelegramRetryLaterError('sendMessage', retryAt, 'Too Many Requests');
    expect(classifyFailure(later)).toEqual({ kind: 'retry_later', retryAt });
    // biome-ignore lint/suspicious/noExplicitAny: BotError wants a Context; the classifier never reads it.
    expect(classifyFailure(new BotError(later, {} as any))).toEqual({ kind: 'retry_later', retryAt });
    const tooMany = new GrammyError(
      'e',
      { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 40 } },
      'sendMessage',
      {},
    );
    const kind = classifyFailure(tooMany);
    expect(kind.kind).toBe('retry_later');
    const fiveHundred = new GrammyError(
      'e',
      { ok: false, error_code: 502, description: 'Bad Gateway' },
      'x',
      {},
    );
    expect(classifyFailure(fiveHundred).kind).toBe('transient');
    const badRequest = new GrammyError(
      'e',
      { ok: false, error_code: 400, description: 'Bad Request' },
      'x',
      {},
    );
    expect(classifyFailure(badRequest).kind).toBe('permanent');
    expect(classifyFailure(new HttpError('Network request failed', new Error('socket hang up'))).kind).toBe(
      'transient',
    );
    expect(classifyFailure(new Error('a bug', { cause: new TypeError('x is undefined') })).kind).toBe(
      'permanent',
    );
  });
});
