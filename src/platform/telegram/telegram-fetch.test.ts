import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, between } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { updateReplies } from '../inbox/inbox-schema.ts';
import { createReplyLog, inUpdateScope } from '../inbox/reply-log.ts';
import { createLogger } from '../observability/logger.ts';
import { type CommitPoint, createTelegramFetch, withCommitPoint } from './telegram-fetch.ts';

/** A Bot API stand-in that reports each request's bytes as they arrive and whether it was whole. */
interface Seen {
  bytes: number;
  length: number;
  whole: boolean;
  body: string;
}
let server: Server;
let url: string;
const seen: Seen[] = [];
let onBytes: () => void = () => undefined;
let answer: (req: IncomingMessage, body: string) => Promise<{ status: number; json: unknown }> =
  async () => ({
    status: 200,
    json: { ok: true, result: { message_id: 1 } },
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry: Seen = {
      bytes: 0,
      length: Number(req.headers['content-length'] ?? 0),
      whole: false,
      body: '',
    };
    seen.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
      entry.body += chunk.toString();
      onBytes();
    });
    req.on('end', async () => {
      entry.whole = true;
      const { status, json } = await answer(req, entry.body);
      res.writeHead(status, { 'content-type': 'application/json', 'x-seen': String(seen.length) });
      res.end(JSON.stringify(json));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const untilBytes = (entryIndex: number, bytes: number) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if ((seen[entryIndex]?.bytes ?? 0) >= bytes) resolve();
    };
    onBytes = check;
    check();
  });
const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
};
const post = (text: string, init: RequestInit = {}) =>
  createTelegramFetch()(`${url}/botTOKEN/sendMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: 5, text }),
    ...init,
  });

describe('the Telegram fetch', () => {
  it('without a commit point is a plain fetch: status, headers and body come back as sent', async () => {
    answer = async () => ({
      status: 429,
      json: { ok: false, error_code: 429, parameters: { retry_after: 3 } },
    });
    const res = await post('plain');
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    expect(seen.at(-1)).toMatchObject({ whole: true, body: '{"chat_id":5,"text":"plain"}' });
    expect(res.headers.get('x-seen')).toBe(String(seen.length));
    answer = async () => ({ status: 200, json: { ok: true, result: { message_id: 1 } } });
  });

  it('holds back the last byte until the commit point passes: the server cannot act on it before', async () => {
    const commit = deferred();
    const point: CommitPoint = { seal: (end) => commit.promise.then(end), finished: false };
    const index = seen.length;
    const response = withCommitPoint(point, () => post('held'));
    const length = '{"chat_id":5,"text":"held"}'.length;
    await untilBytes(index, length - 1); // everything but the end is already at the server
    await new Promise((r) => setTimeout(r, 50));
    expect(seen[index]).toMatchObject({ bytes: length - 1, whole: false });
    expect(point.finished).toBe(false);
    commit.resolve();
    expect(await (await response).json()).toEqual({ ok: true, result: { message_id: 1 } });
    expect(seen[index]).toMatchObject({ bytes: length, whole: true });
    expect(point.finished).toBe(true);
  });

  it('a failed commit cuts the request short: the server never has all of it, the caller gets the error', async () => {
    const commit = deferred();
    const point: CommitPoint = { seal: (end) => commit.promise.then(end), finished: false };
    const index = seen.length;
    const response = withCommitPoint(point, () => post('never'));
    await untilBytes(index, 1);
    commit.reject(new Error('database away'));
    await expect(response).rejects.toThrow('database away');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen[index]?.whole).toBe(false);
    expect(point.finished).toBe(false);
  });

  it('an abort before the seal leaves the request unfinished; an end after it throws, so the record rolls back', async () => {
    const commit = deferred();
    let endError: unknown;
    const point: CommitPoint = {
      seal: async (end) => {
        await commit.promise;
        try {
          end();
        } catch (error) {
          endError = error;
        }
      },
      finished: false,
    };
    const abort = new AbortController();
    const index = seen.length;
    const response = withCommitPoint(point, () => post('aborted', { signal: abort.signal }));
    await untilBytes(index, 1);
    abort.abort();
    await expect(response).rejects.toMatchObject({ name: 'AbortError' });
    commit.resolve();
    await commit.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect(endError).toBeInstanceOf(Error);
    expect(seen[index]?.whole).toBe(false);
    expect(point.finished).toBe(false);
  });

  it('a streamed body (a file upload) is all at the server before the seal, and whole only after it', async () => {
    const commit = deferred();
    const point: CommitPoint = { seal: (end) => commit.promise.then(end), finished: false };
    const before = seen.length;
    async function* parts() {
      yield Buffer.from('--b\r\n');
      yield Buffer.from('file\r\n--b--\r\n');
    }
    const response = withCommitPoint(point, () =>
      createTelegramFetch()(`${url}/botTOKEN/sendDocument`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        body: parts() as unknown as BodyInit,
      }),
    );
    const size = '--b\r\nfile\r\n--b--\r\n'.length;
    await untilBytes(before, size);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen[before]).toMatchObject({ bytes: size, whole: false });
    commit.resolve();
    expect((await response).status).toBe(200);
    expect(seen[before]).toMatchObject({ whole: true, body: '--b\r\nfile\r\n--b--\r\n' });
    expect(point.finished).toBe(true);
  });
});

describe('the reply log over the Telegram fetch', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb.close();
  });

  it('the marker commits with the request end, without waiting for the answer from Telegram', async () => {
    // The server answers only once it sees the marker committed: a client that committed after the
    // answer would hang here.
    answer = async (_req, body) => {
      const { text } = JSON.parse(body) as { text: string };
      for (;;) {
        const rows = await testDb.database.raw.query(
          'SELECT 1 FROM update_replies WHERE update_id = $1 AND result IS NULL',
          [Number(text)],
        );
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      return { status: 200, json: { ok: true, result: { message_id: Number(text) } } };
    };
    const log = createReplyLog(testDb.database, createLogger({ level: 'silent', pretty: false }));
    const api = new Api('TOKEN', { apiRoot: url, fetch: createTelegramFetch() });
    api.config.use(log.inner);
    api.config.use(log.outer);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inUpdateScope(100 + i, () => api.sendMessage(5, String(100 + i)), { logged: false }),
      ),
    );
    const results = await testDb.database.db
      .select({ result: updateReplies.result })
      .from(updateReplies)
      .where(between(updateReplies.updateId, 100, 119))
      .orderBy(asc(updateReplies.updateId));
    expect(results.map((r) => (r.result as { message_id: number }).message_id)).toEqual(
      Array.from({ length: 20 }, (_, i) => 100 + i),
    );
  });
});
