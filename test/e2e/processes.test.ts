import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signInitData } from '../../src/platform/auth/init-data.ts';
import { SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

const dirs: string[] = [];
const running: SecretaryProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'secretary-e2e-'));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>, args = ['start']) {
  const p = spawnSecretary(args, { PORT: '0', HOST: '127.0.0.1', ...env });
  running.push(p);
  return p;
}

describe('the secretary process on the embedded database', () => {
  it('starts, refuses a second process on the same DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const first = start({ DATA_DIR: dataDir });
    const url = await first.url(60_000);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const second = start({ DATA_DIR: dataDir });
    const { code } = await second.exited;
    expect(code).toBe(3);
    expect(second.output()).toMatch(/is in use by another Secretary process \(pid \d+/);

    expect((await fetch(`${url}/readyz`)).status).toBe(200); // the first one is unharmed
    await first.stop('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);
  });

  it('keeps committed data across a SIGKILL and takes over the dead process lock at once', async () => {
    const dataDir = tempDataDir();
    const first = start({ DATA_DIR: dataDir });
    const url = await first.url(60_000);
    const initData = signInitData(
      {
        auth_date: String(Math.floor(Date.now() / 1000)),
        user: JSON.stringify({ id: 5150, first_name: 'Crash', language_code: 'en' }),
      },
      SANDBOX_BOT_TOKEN,
    );
    const login = await fetch(`${url}/api/v1/auth/webapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ init_data: initData }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };

    await first.stop('SIGKILL');

    const second = start({ DATA_DIR: dataDir });
    const url2 = await second.url(60_000);
    const me = await fetch(`${url2}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ telegram_id: 5150, first_name: 'Crash' });
    await second.stop();
  });

  it('exits non-zero with a one-screen message on bad configuration', async () => {
    const bad = start({ PORT: 'abc', DATABASE_URL: 'mysql://x', DATA_DIR: tempDataDir() });
    expect((await bad.exited).code).toBe(2);
    const out = bad.output();
    expect(out).toMatch(/PORT \(got "abc"\): must be a number/);
    expect(out).toMatch(/DATABASE_URL .*postgres:\/\//);
    expect(out.split('\n').length).toBeLessThan(25);
  });

  it('migrate, admin grant and dead-letters run as one-shot commands', async () => {
    const dataDir = tempDataDir();
    const migrate = start({ DATA_DIR: dataDir }, ['migrate']);
    expect((await migrate.exited).code).toBe(0);
    expect(migrate.output()).toMatch(/Applied: 0001_foundation\.sql/);
    const grant = start({ DATA_DIR: dataDir }, ['admin', 'grant', '777000']);
    expect((await grant.exited).code).toBe(0);
    expect(grant.output()).toContain('Telegram user 777000 now has roles: admin, user');
    const badGrant = start({ DATA_DIR: dataDir }, ['admin', 'grant', 'bob']);
    expect((await badGrant.exited).code).toBe(2);
    expect(badGrant.output()).toContain('"bob" is not a Telegram user id');
    const dead = start({ DATA_DIR: dataDir }, ['dead-letters']);
    expect((await dead.exited).code).toBe(0);
    expect(dead.output()).toContain('0 dead notification(s), 0 dead update(s)');
    const again = start({ DATA_DIR: dataDir }, ['migrate']);
    expect((await again.exited).code).toBe(0);
    expect(again.output()).toContain('Database is up to date.');
  });

  it('refuses serve and worker without DATABASE_URL', async () => {
    const serve = start({ DATA_DIR: tempDataDir() }, ['serve']);
    expect((await serve.exited).code).toBe(2);
    expect(serve.output()).toMatch(/needs a shared PostgreSQL: set DATABASE_URL/);
  });
});
