// The "ambiguous send" window: from the reply-log row's commit (written right before each HTTP
// attempt) to the request being handed to fetch. A crash inside it leaves a row for a request that
// never left; after it, the request is on its way. Real database, the bot's transformer chain, the
// standalone sandbox over HTTP.
// Run: node scripts/with-node.mjs node bench/reply-window.ts [--pg] [--calls 500]
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { createReplyLog, inUpdateScope } from '../src/platform/inbox/reply-log.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createMemoryRateLimitStore, createRateLimiter } from '../src/platform/telegram/rate-limiter.ts';
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
const log = createReplyLog(testDb.database.db, logger);
let markedAt = 0;
const windows: number[] = [];
const api = new Api(token, {
  apiRoot: telegram.url,
  fetch: ((url: string, init: RequestInit) => {
    if (markedAt) windows.push(performance.now() - markedAt);
    markedAt = 0;
    // grammY's abort-controller polyfill signal is not one native fetch accepts; no aborts here.
    return fetch(url, { ...init, signal: null });
  }) as typeof fetch,
});
// Installed like the bot's: reply log outer, the client, reply log inner; the probe sits right
// below the inner one and stamps the moment its insert has committed.
api.config.use((prev, method, payload, signal) => {
  markedAt = performance.now();
  return prev(method, payload, signal);
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
  `${values.pg ? 'PostgreSQL' : 'embedded'}: row committed → request handed to fetch, ${sorted.length} calls: p50 ${q(0.5)} µs  p99 ${q(0.99)} µs  max ${q(1)} µs`,
);
await telegram.close();
await testDb.close();
