// Times the insights figures for one user with 10,000 tasks (a year of activity) on PostgreSQL
// (a fresh database is created on the server given and dropped afterwards).
// Run: node scripts/with-node.mjs node bench/stats.ts [postgres://postgres@127.0.0.1:5432/postgres]
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createInsightsService } from '../src/capabilities/insights/insights-service.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createUserService } from '../src/platform/users/user-service.ts';

const serverUrl = process.argv[2] ?? process.env.BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('usage: bench/stats.ts postgres://user@host:port/db (or BENCH_DATABASE_URL)');
const name = `secretary_bench_${randomBytes(4).toString('hex')}`;
const admin = async (query: string) => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(query);
  await c.end();
};
await admin(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString(), { max: 5 });
const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await migrate(database);

const users = createUserService({ db: database.db });
const user = await users.upsertFromTelegram({ id: 4242, first_name: 'Bench' });
await users.updateSettings(user.id, { timezone: 'Europe/Berlin' });
const now = new Date('2026-03-31T09:00:00Z');
const start = Date.parse('2025-04-01T00:00:00Z');
const TASKS = 10_000;
// Bulk seed in batches of 1,000 rows (the tasks service's write path is timed elsewhere).
for (let b = 0; b < TASKS / 1000; b++) {
  const values: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const created = start + Math.floor(Math.random() * 365 * 86_400_000);
    const due = created + Math.floor(Math.random() * 3 * 86_400_000);
    const done =
      Math.random() < 0.7
        ? Math.min(created + Math.floor(Math.random() * 4 * 86_400_000), now.getTime())
        : null;
    const iso = (ms: number) => `'${new Date(ms).toISOString()}'`;
    values.push(
      `('${uuidv7()}', '${user.id}', 'task', ${iso(due)}, 'normal', '${done ? 'done' : 'todo'}', ${iso(created)}, ${iso(created)}, ${done ? iso(done) : 'NULL'})`,
    );
  }
  await database.raw.exec(
    `INSERT INTO tasks (id, user_id, title, due_at, priority, status, created_at, updated_at, completed_at) VALUES ${values.join(',')}`,
  );
}
await database.raw.exec('ANALYZE');
const insights = createInsightsService({ db: database.db, users, now: () => now });
const runs: Record<string, number[]> = { week: [], month: [], year: [] };
for (let i = 0; i < 20; i++) {
  for (const kind of ['week', 'month'] as const) {
    const t0 = performance.now();
    await insights.figures(user.id, kind);
    runs[kind]?.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await insights.figures(user.id, 'custom', { from: '2025-04-01', to: '2026-03-31' });
  runs.year?.push(performance.now() - t0);
}
const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) * p)] ?? 0;
console.log(`figures for ${TASKS} tasks on PostgreSQL (20 runs each):`);
for (const [kind, list] of Object.entries(runs))
  console.log(
    `  ${kind.padEnd(5)} p50 ${pct(list, 0.5).toFixed(1)} ms  p95 ${pct(list, 0.95).toFixed(1)} ms`,
  );
await database.close();
await drop();
