import { afterAll, describe, expect, it, vi } from 'vitest';
import { postmasterPid, removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

// A killed app leaves its embedded PostgreSQL running (the next start reuses it); a small keeper
// process stops it once no app has used it for EMBEDDED_IDLE_STOP_SECONDS, and never while one does.
const dataDir = tempDataDir();
const running: SecretaryProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')));
  await removeDataDir(dataDir);
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded PostgreSQL keeper', () => {
  it('leaves the server alone while the app uses it, and stops it after kill -9 of the app', async () => {
    const env = { DATA_DIR: dataDir, PORT: '0', EMBEDDED_IDLE_STOP_SECONDS: '2' };
    const app = spawnSecretary(['start'], env);
    running.push(app);
    const url = await app.url(180_000);
    // Longer than the idle time with the app attached: the server must still answer.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const postmaster = postmasterPid(dataDir);
    expect(postmaster).not.toBeNull();

    app.child.kill('SIGKILL');
    await app.exited;
    expect(postmasterPid(dataDir)).toBe(postmaster); // the crash left it running…
    await vi.waitFor(() => expect(postmasterPid(dataDir)).toBeNull(), { timeout: 60_000, interval: 250 });

    // …and the next start brings it back as usual.
    const again = spawnSecretary(['start'], env);
    running.push(again);
    expect((await fetch(`${await again.url(180_000)}/readyz`)).status).toBe(200);
  }, 300_000);
});
