import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { postmasterPid, removeDataDir, tempDataDir } from '../support/data-dirs.ts';

// `npm start` in a terminal: Ctrl-C (or systemd's/tmux's stop) signals the whole process group —
// the wrapper that picks Node (scripts/with-node.mjs) and the app — and the wrapper passes the
// signal on again. The app must take the repeat as a repeat: exit cleanly and stop its embedded
// PostgreSQL, never die half-way and leave the server running. Embedded only: that is what it checks.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = tempDataDir();
afterAll(() => removeDataDir(dataDir));

/** `node scripts/with-node.mjs node src/cli/main.ts start` in its own process group, as a terminal runs it. */
function startInGroup() {
  const child = spawn(process.execPath, ['scripts/with-node.mjs', 'node', 'src/cli/main.ts', 'start'], {
    cwd: ROOT,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const up = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Secretary is up at')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`exited before it was up:\n${output}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, up, exited, output: () => output };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('stopping npm start from a terminal', () => {
  for (const [what, signals] of [
    ['Ctrl-C pressed twice', ['SIGINT', 'SIGINT']],
    ['SIGTERM to the process group', ['SIGTERM']],
  ] as const) {
    it(`${what}: a clean exit, and the embedded PostgreSQL stops with it`, async () => {
      const app = startInGroup();
      await app.up;
      expect(postmasterPid(dataDir)).not.toBeNull();
      const group = -(app.child.pid ?? 0);
      for (const signal of signals) process.kill(group, signal);
      const exit = await app.exited;
      expect({ exit, stopped: app.output().includes('"msg":"stopped"') }, app.output()).toEqual({
        exit: { code: 0, signal: null },
        stopped: true,
      });
      expect(postmasterPid(dataDir)).toBeNull();
    }, 240_000);
  }
});
