import { afterAll, describe, expect, it } from 'vitest';
import { signInitData } from '../../src/platform/auth/init-data.ts';
import { SANDBOX_BOT_TOKEN } from '../../src/platform/config/config.ts';
import { pidAlive } from '../../src/platform/db/file-lock.ts';
import { postmasterPid, removeDataDir, serverProcesses, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

// Each test initialises real clusters (initdb fsyncs them): seconds each on a busy machine.
const SLOW = 420_000;
const dirs: string[] = [];
const running: SecretaryProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')));
  for (const dir of dirs) await removeDataDir(dir);
});

function dataDir() {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>, args = ['start']) {
  const p = spawnSecretary(args, { PORT: '0', HOST: '127.0.0.1', ...env });
  running.push(p);
  return p;
}

/** Signs in as a Mini App user: commits a user row, returns a bearer token. */
async function signIn(url: string, id: number): Promise<string> {
  const initData = signInitData(
    {
      auth_date: String(Math.floor(Date.now() / 1000)),
      user: JSON.stringify({ id, first_name: 'Crash', language_code: 'en' }),
    },
    SANDBOX_BOT_TOKEN,
  );
  const login = await fetch(`${url}/api/v1/auth/webapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data: initData }),
  });
  expect(login.status).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** kill -9 each; a backend may already have gone (its client died first): that is fine. */
function killAll(pids: number[]) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

async function me(url: string, token: string) {
  const response = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

describe('the secretary process on the embedded PostgreSQL', () => {
  it(
    'starts its PostgreSQL, shares it with a second process, and the last one out stops it',
    async () => {
      const dir = dataDir();
      const first = start({ DATA_DIR: dir });
      const url = await first.url(180_000);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const pid = postmasterPid(dir);
      expect(pid).not.toBeNull();

      const second = start({ DATA_DIR: dir });
      const url2 = await second.url(180_000);
      expect(second.output()).toContain('already running; using it');
      expect(postmasterPid(dir)).toBe(pid); // never a second server on one directory

      await first.stop('SIGTERM');
      expect((await first.exited).code).toBe(0);
      expect(first.output()).toContain('left running for the other processes');
      expect((await fetch(`${url2}/readyz`)).status).toBe(200); // the second one is unharmed

      await second.stop('SIGTERM');
      expect((await second.exited).code).toBe(0);
      const out = second.output();
      // The app's own shutdown first, then the server: "stopped" comes after the server stopped.
      expect(out.indexOf('embedded PostgreSQL stopped')).toBeGreaterThan(out.indexOf('shutting down'));
      expect(out).toMatch(/"msg":"stopped"/);
      expect(pidAlive(pid as number)).toBe(false);
    },
    SLOW,
  );

  it(
    'after a SIGKILL of the app, the next start reuses the running PostgreSQL; committed data is there',
    async () => {
      const dir = dataDir();
      const first = start({ DATA_DIR: dir });
      const token = await signIn(await first.url(180_000), 5150);
      const pid = postmasterPid(dir);
      await first.stop('SIGKILL');
      expect(pidAlive(pid as number)).toBe(true); // left running, found again below

      const second = start({ DATA_DIR: dir });
      const url2 = await second.url(180_000);
      expect(second.output()).toContain('already running; using it');
      expect(postmasterPid(dir)).toBe(pid);
      expect(await me(url2, token)).toMatchObject({ telegram_id: 5150, first_name: 'Crash' });
      await second.stop();
    },
    SLOW,
  );

  it(
    'committed data survives kill -9 of every PostgreSQL process under a running app, and of both',
    async () => {
      const dir = dataDir();
      const app = start({ DATA_DIR: dir });
      const url = await app.url(180_000);
      const token = await signIn(url, 6160);
      const before = serverProcesses(dir);
      expect(before.length).toBeGreaterThan(1);
      killAll(before);
      // The app notices (its registration connection drops), starts the server again, serves on.
      await app.waitFor(/embedded PostgreSQL restarted/, 90_000);
      expect(postmasterPid(dir)).not.toBe(before[0]);
      expect(await me(url, token)).toMatchObject({ telegram_id: 6160 });

      // Now the app and the server together, as a power cut would leave them (minus the page cache).
      const servers = serverProcesses(dir);
      await app.stop('SIGKILL');
      killAll(servers);
      const again = start({ DATA_DIR: dir });
      const url2 = await again.url(180_000);
      expect(again.output()).toContain('embedded PostgreSQL is up');
      expect(await me(url2, token)).toMatchObject({ telegram_id: 6160 });
      await again.stop();
    },
    SLOW,
  );

  it(
    'exits non-zero with a one-screen message on bad configuration',
    async () => {
      const bad = start({ PORT: 'abc', DATABASE_URL: 'mysql://x', DATA_DIR: dataDir() });
      expect((await bad.exited).code).toBe(2);
      const out = bad.output();
      expect(out).toMatch(/PORT \(got "abc"\): must be a number/);
      expect(out).toMatch(/DATABASE_URL .*postgres:\/\//);
      expect(out.split('\n').length).toBeLessThan(25);
    },
    SLOW,
  );

  it(
    'migrate, admin grant and dead-letters run as one-shot commands',
    async () => {
      const dir = dataDir();
      const migrate = start({ DATA_DIR: dir }, ['migrate']);
      expect((await migrate.exited).code).toBe(0);
      expect(migrate.output()).toMatch(/Applied: 0001_foundation\.sql/);
      expect(postmasterPid(dir)).toBeNull(); // a one-shot command stops the server it started
      const grant = start({ DATA_DIR: dir }, ['admin', 'grant', '777000']);
      expect((await grant.exited).code).toBe(0);
      expect(grant.output()).toContain('Telegram user 777000 now has roles: admin, user');
      const badGrant = start({ DATA_DIR: dir }, ['admin', 'grant', 'bob']);
      expect((await badGrant.exited).code).toBe(2);
      expect(badGrant.output()).toContain('"bob" is not a Telegram user id');
      const dead = start({ DATA_DIR: dir }, ['dead-letters']);
      expect((await dead.exited).code).toBe(0);
      expect(dead.output()).toContain('0 dead notification(s), 0 dead update(s)');
      const again = start({ DATA_DIR: dir }, ['migrate']);
      expect((await again.exited).code).toBe(0);
      expect(again.output()).toContain('Database is up to date.');
    },
    SLOW,
  );
});
