import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSecretary } from '../support/spawn-secretary.ts';

// Issue 37 (polish): as root with DATA_DIR inside a directory the `postgres` user cannot enter (a
// private home), the refusal is one plain line on stderr with what to do, and a non-zero exit —
// not a JSON log line with a stack, which is what an operator saw when output was not a terminal.
const asRoot = process.getuid?.() === 0;
const home = mkdtempSync(join(tmpdir(), 'secretary-root-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.runIf(asRoot)('start as root with DATA_DIR in a private home', () => {
  it('says why in one plain line on stderr and exits 3', async () => {
    chmodSync(home, 0o700);
    const p = spawnSecretary(['start'], { DATA_DIR: join(home, 'data'), PORT: '0', HOST: '127.0.0.1' });
    const stderr: string[] = [];
    p.child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const { code } = await p.exited;
    expect(code).toBe(3);
    expect(stderr.join('')).toBe(
      `Cannot start the embedded PostgreSQL: The embedded PostgreSQL runs as the OS user "postgres" (it refuses root), which cannot enter ${home}. Allow it (chmod o+x ${home}) or choose a DATA_DIR outside it.\n`,
    );
    expect(p.output()).not.toMatch(/"stack"|startup failed/);
  }, 60_000);
});
