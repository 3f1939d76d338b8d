import { lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, tightenTree, writePrivateFile } from '../../src/platform/fs/private-files.ts';
import { createSandboxClient } from '../../src/sandbox/client.ts';
import { removeDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';

const dirs: string[] = [];
const running: SecretaryProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')));
  for (const dir of dirs) await removeDataDir(dir);
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secretary-perm-'));
  dirs.push(dir);
  return dir;
};

/**
 * Every path under root with a mode other than 0700 (dirs) / 0600 (files). Not the copy of the
 * PostgreSQL programs (`postgres-bin-<version>`) made when the server's OS user cannot reach
 * node_modules (a checkout under a 0700 home): public binaries, no data, with their own modes.
 */
function looseModes(root: string): string[] {
  const loose: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (/^postgres-bin-\d[\w.-]*$/.test(basename(path)) && stat.isDirectory()) return;
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path} ${mode.toString(8)}`);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (mode !== 0o600) loose.push(`${path} ${mode.toString(8)}`);
  };
  walk(root);
  return loose;
}

describe('files under DATA_DIR', () => {
  it('helpers make dirs 0700 and files 0600 whatever the umask', () => {
    const previous = process.umask(0);
    try {
      const root = tempDir();
      const dir = ensurePrivateDir(join(root, 'a', 'b'));
      writePrivateFile(join(dir, 'secret'), 'x');
      expect(looseModes(dir)).toEqual([]);
      ensurePrivateDir(root);
      tightenTree(root);
      expect(looseModes(root)).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });

  it('a real embedded start leaves the key, the database and the sandbox state readable by the owner only', async () => {
    const dataDir = tempDir();
    const p = spawnSecretary(['start'], { PORT: '0', DATA_DIR: dataDir });
    running.push(p);
    const url = await p.url(90_000);
    const ann = await createSandboxClient(url).user('permissions_ann');
    await ann.send('/start');
    await ann.privateChat().nextMessage(undefined, { timeoutMs: 60_000 }); // a cold process on a busy machine
    await p.stop('SIGTERM');
    expect((await p.exited).code).toBe(0);
    const names = readdirSync(dataDir);
    expect(names).toEqual(
      expect.arrayContaining(['encryption.key', 'postgres', 'postgres.password', 'sandbox-state.json']),
    );
    // As root the embedded PostgreSQL runs as the OS user `postgres`, which must pass through
    // DATA_DIR to its cluster: the one allowed exception is 0710 with group `postgres`.
    const asRoot = process.getuid?.() === 0;
    expect(looseModes(dataDir)).toEqual(asRoot ? [`${dataDir} 710`] : []);
    if (asRoot) expect(lstatSync(dataDir).gid).toBe(lstatSync(join(dataDir, 'postgres')).gid);
  }, 180_000); // initdb of a real cluster: seconds, more on a busy machine
});
