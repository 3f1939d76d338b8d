// A broadcast to N sandbox users with Telegram's limits on, on both sides: our client paces to
// TELEGRAM_BULK_PER_SECOND (30) and the local Telegram answers 429 past 30 msg/s. Real time: the
// sandbox's limiter and our client's pacing both run on the wall clock (no accelerated time).
// Run: node scripts/with-node.mjs node bench/broadcast.ts [--users 2000]   (TEST_DATABASE_URL=… for PostgreSQL)
import { parseArgs } from 'node:util';
import { registeredPerson } from '../test/support/test-people.ts';
import { startTestSystem } from '../test/support/test-system.ts';

const { values } = parseArgs({ options: { users: { type: 'string', default: '2000' } } });
const count = Number(values.users);
const t = await startTestSystem({ TELEGRAM_LIMITS: 'on', LOG_LEVEL: 'warn' });
try {
  await t.sb.limits(true);
  const admin = await registeredPerson(t, 'admin', 'en', 'UTC');
  await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'system' });
  const created = performance.now();
  for (let i = 0; i < count; i++) await registeredPerson(t, `b${i}`, 'en', 'UTC');
  const blocked = await registeredPerson(t, 'blocked', 'en', 'UTC');
  await blocked.user.block();
  console.log(`registered ${count + 1} users in ${((performance.now() - created) / 1000).toFixed(1)} s`);
  const { init_data } = await admin.user.webApp();
  const login = await fetch(`${t.url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await t.sb.clearCalls();
  const t0 = performance.now();
  const res = await fetch(`${t.url}/api/v1/admin/broadcasts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ text: 'Bench broadcast', segment: { kind: 'all' } }),
  });
  const { id, total } = (await res.json()) as { id: string; total: number };
  let state = { status: 'running', sent: 0, failed: 0, blocked: 0 };
  while (state.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    state = await (await fetch(`${t.url}/api/v1/admin/broadcasts/${id}`, { headers })).json();
  }
  const seconds = (performance.now() - t0) / 1000;
  const calls = await t.sb.calls();
  const tooMany = calls.filter((c) => c.error_code === 429).length;
  const edits = calls.filter((c) => c.method === 'editMessageText').length;
  console.log(
    JSON.stringify({
      total,
      ...state,
      seconds: Number(seconds.toFixed(1)),
      rate: Number((total / seconds).toFixed(1)),
      sandbox429: tooMany,
      progressEdits: edits,
    }),
  );
} finally {
  await t.close();
}
