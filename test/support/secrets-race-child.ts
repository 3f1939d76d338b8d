/**
 * One of several processes racing on a fresh DATA_DIR (test/e2e/generated-secrets.test.ts): says
 * "ready", waits for "go" on stdin so all start in the same instant, then does what a starting
 * secretary process does with its generated secrets and prints what it got as one JSON line.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadVapidKeys } from '../../src/capabilities/booking/web/web-push.ts';
import { resolveEncryptionKey } from '../../src/platform/crypto/keys.ts';
import { withFileLock } from '../../src/platform/db/file-lock.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: secrets-race-child.ts <data-dir>');
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;
lines.close();

const key = resolveEncryptionKey({ configured: undefined, dataDir });
const vapid = loadVapidKeys(dataDir);
// The lock's critical sections must never overlap: each writes enter/leave around a pause.
const journal = join(dataDir, 'lock-journal');
await withFileLock(
  join(dataDir, 'race.lock'),
  async () => {
    appendFileSync(journal, `enter ${process.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    appendFileSync(journal, `leave ${process.pid}\n`);
  },
  { what: 'the race test lock', timeoutMs: 30_000 },
);
process.stdout.write(`${JSON.stringify({ key: key.key, source: key.source, vapid })}\n`);
