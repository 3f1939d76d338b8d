// The "ambiguous send" window: a kill -9 loses a reply only between the request's last byte being
// written and the reply-log row's INSERT (its own commit) being written to the database's socket
// (telegram-fetch.ts: before it Telegram has an incomplete request and drops it, after it PostgreSQL
// runs the INSERT). This measures that gap on the bot's transformer chain and its fetch, a real
// database and the standalone sandbox over HTTP; the INSERT's moment is read off the socket write
// that carries it (its text, or on later runs the name it is prepared under).
// Run: node scripts/with-node.mjs node bench/reply-window.ts [--pg] [--calls 500]
import { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { statementNameOf } from '../src/platform/db/statement-cache.ts';
import { createReplyLog, inUpdateScope, REPLY_MARKER_SQL } from '../src/platform/inbox/reply-log.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createMemoryRateLimitStore, createRateLimiter } from '../src/platform/telegram/rate-limiter.ts';
import {
  type CommitPoint,
  createTelegramFetch,
  currentCommitPoint,
  withCommitPoint,
} from '../src/platform/telegram/telegram-fetch.ts';
import { createTelegramTransformer } from '../src/platform/telegram/telegram-transformer.ts';
import { createSandboxClient } from '../src/sandbox/client.ts';
import { startSandboxServer } from '../src/sandbox/standalone.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const { values } = parseArgs({
  options: { pg: { type: 'boolean', default: false }, calls: { type: 'string', default: '500' } },
});
if (values.pg) process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const testDb = await createTestDatabase();
const token = '4243:reply-window-token';
const telegram = await startSandboxServer({ port: 0, token, limits: false });
const user = await createSandboxClient(telegram.url).user('window', { first_name: 'W' });
const logger = createLogger({ level: 'silent', pretty: false });
const log = createReplyLog(testDb.database, logger);

let endAt = 0;
const marker = new RegExp(`update_replies|${statementNameOf(REPLY_MARKER_SQL)}`);
const windows: number[] = [];
// The record leaving for PostgreSQL: the first socket write carrying it after the request's end.
const write = Socket.prototype.write;
Socket.prototype.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
  if (endAt && (Buffer.isBuffer(chunk) || typeof chunk === 'string') && marker.test(chunk.toString())) {
    windows.push(performance.now() - endAt);
    endAt = 0;
  }
  return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof Socket.prototype.write;

const api = new Api(token, { apiRoot: telegram.url, fetch: createTelegramFetch() });
// Installed like the bot's: reply log outer, the client, reply log inner; the probe sits right below
// the inner one and stamps the moment the request's last byte is written.
api.config.use((prev, method, payload, signal) => {
  const point = currentCommitPoint();
  if (!point) return prev(method, payload, signal);
  const probe: CommitPoint = {
    seal: (end) =>
      point.seal(() => {
        end();
        endAt = performance.now();
      }),
    get finished() {
      return point.finished;
    },
    set finished(value) {
      point.finished = value;
    },
  };
  return withCommitPoint(probe, () => prev(method, payload, signal));
});
api.config.use(log.inner);
api.config.use(
  createTelegramTransformer({
    limiter: createRateLimiter({ store: createMemoryRateLimitStore(), limits: 'off' }),
    raw: testDb.database.raw,
    logger,
  }),
);
api.config.use(log.outer);
const calls = Number(values.calls);
for (let i = 0; i < calls + 20; i++) {
  await inUpdateScope(1_000_000 + i, () => api.sendMessage(user.id, `line ${i}`));
}
const sorted = windows.slice(20).sort((a, b) => a - b);
const q = (p: number) =>
  ((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 1000).toFixed(0);
console.log(
  `${values.pg ? 'PostgreSQL' : 'embedded'}: request's last byte written → record's INSERT written, ${sorted.length} calls: p50 ${q(0.5)} µs  p99 ${q(0.99)} µs  max ${q(1)} µs`,
);
await telegram.close();
await testDb.close();
