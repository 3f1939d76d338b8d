// Lateness of reminders: 10,000 occurrences due in the same minute, real time (no test clock).
// Lateness = when the fire handler ran (occurrence.sent_at, taken from the system clock inside the
// handler) minus when the occurrence was due (fire_at). Our Telegram limits and the sandbox's are off.
// Run: node scripts/with-node.mjs node bench/reminders.ts [--pg] [--count 10000] [--users 1000]
//      [--burst]   all due at the same second (:00) instead of spread over the minute
//      [--concurrency N]   local fetch loops of the fire queue (default: the capability's own)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSystem } from '../src/app/system.ts';
import { createReminderService } from '../src/capabilities/reminders/reminder-service.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createSandboxClient } from '../src/sandbox/client.ts';
import { createTestDatabase } from '../test/support/test-database.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    burst: { type: 'boolean', default: false },
    count: { type: 'string', default: '10000' },
    users: { type: 'string', default: '1000' },
    lead: { type: 'string' },
  },
});
const count = Number(values.count);
const userCount = Math.min(Number(values.users), count);
if (values.pg) process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
else delete process.env.TEST_DATABASE_URL;

const testDb = await createTestDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'secretary-reminders-bench-'));
const logger = createLogger({ level: 'fatal', pretty: false });
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  ENCRYPTION_KEY: 'reminders-bench-key-0123456789abcdef',
  LOG_LEVEL: 'warn',
  TELEGRAM_LIMITS: 'off',
});
const system = await startSystem(config, { http: true, worker: true }, logger, { database: testDb.database });
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

try {
  await createSandboxClient(system.url as string).limits(false);
  const setupStarted = performance.now();
  const { db, raw } = system.database;
  const reminders = createReminderService({
    db,
    users: system.users,
    jobs: system.jobs.jobs,
    now: () => new Date(),
  });
  // Sandbox users who wrote to the bot once (a bot cannot open a chat), registered by the bot itself.
  const sb = createSandboxClient(system.url as string);
  const userIds: string[] = [];
  for (let i = 0; i < userCount; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, userCount - i) }, async (_, k) => {
        const user = await sb.user(`bench${i + k}`, { language_code: 'en' });
        await user.send('hi');
        await user.privateChat().nextMessage(undefined, { timeoutMs: 30_000 });
        return (await system.users.getByTelegramId(user.id))?.id;
      }),
    );
    for (const id of batch) if (id) userIds.push(id);
  }

  console.log(`${userIds.length} users in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
  // Due the minute after creation is expected to finish (measured rate on a first small batch).
  const created = performance.now();
  const parallel = values.pg ? 16 : 1;
  const probe = Math.min(200, count);
  const far = new Date(Date.now() + 3_600_000);
  for (let i = 0; i < probe; i += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, probe - i) }, (_, k) =>
        reminders.create(userIds[(i + k) % userCount] as string, {
          text: `probe ${i + k}`,
          dueAt: far,
          rrule: null,
        }),
      ),
    );
  }
  const perCreateMs = (performance.now() - created) / probe;
  const leadMs = values.lead
    ? Number(values.lead) * 1000
    : Math.max(15_000, perCreateMs * count * 1.3 + 5000);
  const minute = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
  const dueOf = (i: number) => new Date(values.burst ? minute : minute + Math.floor((i * 60_000) / count));
  console.log(
    `${values.pg ? 'PostgreSQL' : 'embedded PostgreSQL'}: creating ${count} reminders for ${userCount} users ` +
      `(${perCreateMs.toFixed(2)} ms each), due ${values.burst ? 'all at' : 'spread over the minute from'} ` +
      `${new Date(minute).toISOString()}`,
  );
  // The probe reminders are not part of the measurement.
  await raw.exec("DELETE FROM reminders WHERE text LIKE 'probe %'");
  for (let i = 0; i < count; i += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, count - i) }, (_, k) =>
        reminders.create(userIds[(i + k) % userCount] as string, {
          text: `bench ${i + k}`,
          dueAt: dueOf(i + k),
          rrule: null,
        }),
      ),
    );
  }
  const createdIn = (performance.now() - created) / 1000;
  if (Date.now() > minute)
    console.log(`WARNING: creation (${createdIn.toFixed(1)} s) ran past the due minute`);
  console.log(`created in ${createdIn.toFixed(1)} s; waiting for the minute…`);

  const deadline = minute + 60_000 + 180_000;
  let sent = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const [row] = await raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reminder_occurrences WHERE status = 'sent'",
    );
    sent = row?.n ?? 0;
    if (sent >= count) break;
  }
  const rows = await raw.query<{ ms: number }>(
    "SELECT (extract(epoch FROM sent_at - fire_at) * 1000)::float8 AS ms FROM reminder_occurrences WHERE status = 'sent'",
  );
  const lateness = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  console.log(
    `fired ${sent}/${count}; lateness p50 ${quantile(lateness, 0.5).toFixed(0)} ms, ` +
      `p99 ${quantile(lateness, 0.99).toFixed(0)} ms, max ${(lateness.at(-1) ?? NaN).toFixed(0)} ms`,
  );
  // Not part of the lateness: how long the notify queue takes to hand them all to (sandbox) Telegram.
  let delivered = 0;
  const drainDeadline = Date.now() + 300_000;
  while (Date.now() < drainDeadline) {
    const [row] = await raw.query<{ n: number; last: Date | null }>(
      "SELECT count(*)::int AS n, max(sent_at) AS last FROM telegram_deliveries WHERE dedupe_key LIKE 'reminder:%'",
    );
    delivered = row?.n ?? 0;
    if (delivered >= sent) {
      const last = row?.last ? new Date(row.last).getTime() : Date.now();
      console.log(
        `all ${delivered} messages delivered ${((last - minute) / 1000).toFixed(1)} s after the minute began`,
      );
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (delivered < sent) console.log(`only ${delivered}/${sent} messages delivered within 5 min`);
} finally {
  await system.stop();
  await testDb.close();
  rmSync(dataDir, { recursive: true, force: true });
}
