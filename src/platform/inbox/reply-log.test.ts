import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createLogger } from '../observability/logger.ts';
import { createMemoryRateLimitStore, createRateLimiter } from '../telegram/rate-limiter.ts';
import { currentCommitPoint } from '../telegram/telegram-fetch.ts';
import {
  createTelegramTransformer,
  UPDATE_POLICY,
  withSendPolicy,
} from '../telegram/telegram-transformer.ts';
import { updateReplies } from './inbox-schema.ts';
import { createReplyLog, inUpdateScope } from './reply-log.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});
/** The log's records of one update, opened (results are sealed at rest). */
const logged = (updateId: number) =>
  testDb.database.db
    .select({ seq: updateReplies.seq, result: updateReplies.result })
    .from(updateReplies)
    .where(eq(updateReplies.updateId, updateId))
    .orderBy(asc(updateReplies.seq));

type Reply = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/** The bot's chain — reply log outer, the client (limits, retries), reply log inner — over a scripted Telegram. */
function chain(script: Reply[], onSleep: () => Promise<void>) {
  const logger = createLogger({ level: 'silent', pretty: false });
  const log = createReplyLog(testDb.database, logger);
  const client = createTelegramTransformer({
    limiter: createRateLimiter({ store: createMemoryRateLimitStore(), limits: 'off' }),
    raw: testDb.database.raw,
    logger,
    sleep: onSleep,
  });
  const rowsAtRequest: number[] = [];
  const http = async () => {
    await currentCommitPoint()?.seal(() => undefined); // as the real transport does with the request's end
    rowsAtRequest.push(await pendingRows());
    return script.shift() ?? { ok: true, result: { message_id: 7 } };
  };
  // grammY composes transformers this way: each receives the next one as `prev`.
  const inner = (m: string, p: object) => log.inner(http as never, m as never, p as never);
  const middle = (m: string, p: object) => client(inner as never, m as never, p as never);
  const call = (m: string, p: object) => log.outer(middle as never, m as never, p as never);
  return { call, rowsAtRequest };
}

const pendingRows = async () =>
  (await testDb.database.raw.query('SELECT 1 FROM update_replies WHERE update_id = 1 AND result IS NULL'))
    .length;

describe('reply log', () => {
  it('writes the marker only while an HTTP attempt is out: a wait or a backoff leaves nothing ambiguous', async () => {
    const duringSleeps: number[] = [];
    const { call, rowsAtRequest } = chain(
      [{ ok: false, error_code: 502, description: 'Bad Gateway' }],
      async () => {
        duringSleeps.push(await pendingRows());
      },
    );
    const response = await withSendPolicy(UPDATE_POLICY, () =>
      inUpdateScope(1, () => call('sendMessage', { chat_id: 5, text: 'card' })),
    );
    expect(response).toMatchObject({ ok: true });
    expect(rowsAtRequest).toEqual([1, 1]); // each attempt went out with its marker written
    expect(duringSleeps).toEqual([0]); // the backoff between them had none: a crash there loses nothing
    const [row] = await logged(1);
    expect(row?.result).toEqual({ message_id: 7 });
  });

  it('a second run of the update answers the recorded call from the log and sends nothing', async () => {
    const { call, rowsAtRequest } = chain([], async () => undefined);
    const response = await inUpdateScope(1, () => call('sendMessage', { chat_id: 5, text: 'card' }));
    expect(response).toEqual({ ok: true, result: { message_id: 7 } });
    expect(rowsAtRequest).toEqual([]);
  });

  it('a 429 handed back to the job leaves no marker, so the rescheduled run sends the reply', async () => {
    const { call } = chain(
      [
        {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests',
          parameters: { retry_after: 40 },
        } as Reply,
      ],
      async () => undefined,
    );
    const error = await withSendPolicy(UPDATE_POLICY, () =>
      inUpdateScope(2, () => call('sendMessage', { chat_id: 5, text: 'card' })),
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TelegramRetryLaterError');
    expect(await testDb.database.raw.query('SELECT 1 FROM update_replies WHERE update_id = 2')).toEqual([]);
  });

  // A marker without a result is what a kill -9 during the HTTP call leaves behind.
  const diedInFlight = (updateId: number, method: string) =>
    testDb.database.raw.query(
      'INSERT INTO update_replies (update_id, seq, method, result) VALUES ($1, 0, $2, NULL)',
      [updateId, method],
    );

  it('an ambiguous send is not repeated (no duplicate message); an ambiguous edit is, and "not modified" counts as done', async () => {
    await diedInFlight(3, 'sendMessage');
    const send = chain([], async () => undefined);
    const sent = await inUpdateScope(3, () => send.call('sendMessage', { chat_id: 5, text: 'card' }));
    expect(sent).toMatchObject({ ok: true, result: { ambiguous: true } });
    expect(send.rowsAtRequest).toEqual([]); // nothing reached Telegram

    await diedInFlight(4, 'editMessageText');
    const edit = chain(
      [{ ok: false, error_code: 400, description: 'Bad Request: message is not modified' }],
      async () => undefined,
    );
    const edited = await inUpdateScope(4, () =>
      edit.call('editMessageText', { chat_id: 5, message_id: 7, text: 'Done ✓' }),
    );
    expect(edited).toEqual({ ok: true, result: true });
    expect(edit.rowsAtRequest).toHaveLength(1); // it went out again

    // The first attempt had not arrived: the repeat is the edit.
    await diedInFlight(5, 'answerCallbackQuery');
    const answer = chain([{ ok: true, result: true }], async () => undefined);
    expect(
      await inUpdateScope(5, () => answer.call('answerCallbackQuery', { callback_query_id: 'q' })),
    ).toEqual({ ok: true, result: true });
    const [row] = await logged(5);
    expect(row?.result).toBe(true);
  });

  it('a repeated edit that Telegram refuses for another reason is still an error', async () => {
    await diedInFlight(6, 'editMessageText');
    const edit = chain(
      [{ ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }],
      async () => undefined,
    );
    const response = await inUpdateScope(6, () =>
      edit.call('editMessageText', { chat_id: 5, message_id: 7, text: 'x' }),
    ).catch((e: unknown) => e);
    expect(JSON.stringify(response)).toMatch(/message to edit not found/);
  });
});

describe('reply log at shutdown', () => {
  /** The chain with a shutdown signal over a Telegram that answers only when told (or never). */
  function chainAtShutdown(graceMs: number, endsRequest = true) {
    const logger = createLogger({ level: 'silent', pretty: false });
    const shutdown = new AbortController();
    const log = createReplyLog(testDb.database, logger);
    const client = createTelegramTransformer({
      limiter: createRateLimiter({ store: createMemoryRateLimitStore(), limits: 'off' }),
      raw: testDb.database.raw,
      logger,
      shutdown: shutdown.signal,
      shutdownGraceMs: graceMs,
    });
    const requests: Array<{ answer: (reply: Reply) => void; signal: AbortSignal | undefined }> = [];
    const onRequest = new Set<() => void>();
    // Like the Telegram fetch: the request's end goes out after the marker's commit; then pending
    // until Telegram answers, rejected when its signal aborts.
    const http = async (_m: string, _p: object, signal?: AbortSignal) => {
      const point = currentCommitPoint();
      if (endsRequest)
        await point?.seal(() => {
          point.finished = true;
        });
      return new Promise<Reply>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        requests.push({ answer: resolve, signal });
        for (const l of onRequest) l();
      });
    };
    const inner = (m: string, p: object, s?: AbortSignal) =>
      log.inner(http as never, m as never, p as never, s as never);
    const middle = (m: string, p: object) => client(inner as never, m as never, p as never);
    const call = (m: string, p: object) => log.outer(middle as never, m as never, p as never);
    const requestOut = () =>
      new Promise<void>((resolve) => {
        if (requests.length) return resolve();
        onRequest.add(resolve);
      });
    return { call, shutdown, requests, requestOut };
  }
  const rows = logged;

  it('a send on the wire when shutdown starts may finish and is recorded; the next one does not start', async () => {
    const { call, shutdown, requests, requestOut } = chainAtShutdown(60_000);
    const handling = withSendPolicy(UPDATE_POLICY, () =>
      inUpdateScope(103, async () => {
        await call('sendMessage', { chat_id: 5, text: 'first' });
        await call('sendMessage', { chat_id: 5, text: 'second' });
      }),
    );
    await requestOut();
    shutdown.abort(new Error('shutting down'));
    requests[0]?.answer({ ok: true, result: { message_id: 11 } });
    await expect(handling).rejects.toThrow('shutting down');
    expect(requests).toHaveLength(1); // the second send never went out
    // The first is known to be sent (a rerun answers it from the log); the second has no row.
    expect(await rows(103)).toEqual([{ seq: 0, result: { message_id: 11 } }]);
  });

  it('a send still out when the grace ends is cut and stays ambiguous: a rerun does not repeat it', async () => {
    const first = chainAtShutdown(20);
    const handling = withSendPolicy(UPDATE_POLICY, () =>
      inUpdateScope(104, () => first.call('sendMessage', { chat_id: 5, text: 'hanging' })),
    );
    await first.requestOut();
    first.shutdown.abort(new Error('shutting down'));
    await expect(handling).rejects.toThrow('shutting down'); // Telegram never answered: cut after the grace
    expect(await rows(104)).toEqual([{ seq: 0, result: null }]);

    const rerun = chainAtShutdown(20);
    const response = await inUpdateScope(104, () =>
      rerun.call('sendMessage', { chat_id: 5, text: 'hanging' }),
    );
    expect(response).toMatchObject({ ok: true, result: { ambiguous: true } });
    expect(rerun.requests).toHaveLength(0); // not sent twice
  });

  it('a send cut by shutdown before its last byte left is known not sent: no marker, a rerun sends it', async () => {
    const first = chainAtShutdown(20, false);
    const handling = withSendPolicy(UPDATE_POLICY, () =>
      inUpdateScope(105, () => first.call('sendMessage', { chat_id: 5, text: 'unfinished' })),
    );
    await first.requestOut();
    first.shutdown.abort(new Error('shutting down'));
    await expect(handling).rejects.toThrow('shutting down');
    expect(await rows(105)).toEqual([]);

    const rerun = chainAtShutdown(20);
    const response = inUpdateScope(105, () => rerun.call('sendMessage', { chat_id: 5, text: 'unfinished' }));
    await rerun.requestOut();
    rerun.requests[0]?.answer({ ok: true, result: { message_id: 12 } });
    expect(await response).toEqual({ ok: true, result: { message_id: 12 } });
  });
});
