import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const CHILD = join(import.meta.dirname, '../support/secrets-race-child.ts');
const PROCESSES = 4;
const ROUNDS = 20;

interface ChildResult {
  key: string;
  source: string;
  vapid: { publicKey: string; privateKey: string };
}

/** Starts a child and resolves once it has said "ready"; `result` resolves with its JSON line. */
function startChild(dataDir: string) {
  const child = spawn(process.execPath, [CHILD, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      output.push(line);
      if (line === 'ready') resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code} before ready: ${stderr}`)));
  });
  const result = new Promise<ChildResult>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = output.at(-1);
      if (code !== 0 || !last || last === 'ready') reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
  return { child, ready, result };
}

describe('generated secrets on a fresh DATA_DIR', () => {
  it(`${PROCESSES} processes starting at once agree on one key and one VAPID pair, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'secretary-secrets-'));
      try {
        const children = Array.from({ length: PROCESSES }, () => startChild(dataDir));
        await Promise.all(children.map((c) => c.ready));
        for (const c of children) c.child.stdin.end('go\n');
        const results = await Promise.all(children.map((c) => c.result));

        const key = readFileSync(join(dataDir, 'encryption.key'), 'utf8').trim();
        const vapid = JSON.parse(readFileSync(join(dataDir, 'vapid.json'), 'utf8'));
        for (const r of results) expect({ round, key: r.key, vapid: r.vapid }).toEqual({ round, key, vapid });
        expect(results.filter((r) => r.source === 'generated')).toHaveLength(1);
        for (const file of ['encryption.key', 'vapid.json'])
          expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
        expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        const journal = readFileSync(join(dataDir, 'lock-journal'), 'utf8').trim().split('\n');
        expect(journal).toHaveLength(PROCESSES * 2);
        for (let i = 0; i < journal.length; i += 2)
          expect(journal[i + 1]).toBe(journal[i]?.replace('enter', 'leave'));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }, 300_000);
});
