import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, openPostgres } from '../../src/platform/db/database.ts';
import { readSnapshot } from '../../src/platform/db/snapshot-format.ts';
import { snapshotTables } from '../../src/platform/db/snapshot-tables.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createSandboxClient, type SandboxChat } from '../../src/sandbox/client.ts';
import { startSandboxServer } from '../../src/sandbox/standalone.ts';
import { removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { spawnSecretary } from '../support/spawn-secretary.ts';

// Issue 18: moving an embedded store to another PostgreSQL (export → import) and restoring a
// backup taken while it runs. The source is always the embedded store of a real `secretary start`;
// the target is a fresh database on TEST_DATABASE_URL's server, or a second, fresh DATA_DIR.
const TOKEN = '5353:export-import-test-token';
const SPAWN_MS = 180_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const silent = createLogger({ level: 'silent', pretty: false });

/** Per table: row count and an order-free hash of the rows as PostgreSQL prints them (in UTC). */
async function checksums(database: Database): Promise<Record<string, string>> {
  const client = await database.pool.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    const out: Record<string, string> = {};
    for (const name of await snapshotTables(client)) {
      const [schema, table] = name.split('.') as [string, string];
      const { rows } = await client.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS h
           FROM "${schema}"."${table}" t`,
      );
      out[name] = `${rows[0]?.n}:${rows[0]?.h}`;
    }
    return out;
  } finally {
    client.release();
  }
}

async function withEmbedded<T>(dataDir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ kind: 'embedded', dataDir }, { logger: silent, max: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Runs a one-shot CLI command to its end. */
async function run(args: string[], env: Record<string, string>) {
  const p = spawnSecretary(args, { LOG_LEVEL: 'warn', ...env });
  cleanups.push(() => p.stop('SIGKILL'));
  const { code } = await p.exited;
  return { code, output: p.output() };
}

async function firedReminder(chat: SandboxChat): Promise<boolean> {
  return (await chat.messages()).some((m) => m.fromBot && /^⏰ Water the plants$/.test(m.text));
}

describe('export → import, backup → restore', () => {
  it('moves everything, jobs included, while refusing what would lose data', async () => {
    const telegram = await startSandboxServer({ port: 0, token: TOKEN, limits: false });
    cleanups.push(() => telegram.close());
    const sb = createSandboxClient(telegram.url);
    const source = tempDataDir('secretary-export-');
    cleanups.push(() => removeDataDir(source));
    const bot = {
      PORT: '0',
      HOST: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_LIMITS: 'off',
    };
    const app = spawnSecretary(['start'], { ...bot, DATA_DIR: source });
    cleanups.push(() => app.stop('SIGKILL'));
    await app.url(SPAWN_MS);

    // Two people, a task, two pending reminders: one due in two minutes, one tomorrow.
    const ann = await sb.user('Ann', { first_name: 'Ann', language_code: 'en' });
    const chat = ann.privateChat();
    await ann.send('/start');
    await chat.nextMessage(/^Hi, Ann!/);
    await ann.send('Сдать курсовую по истории до 15 декабря');
    const card = await chat.nextMessage(/^📝/);
    await card.click('💾 Save');
    await chat.waitForEdit(card, (m) => /^✅ Task saved/.test(m.text));
    await ann.send('/remind in 2 minutes water the plants');
    await chat.nextMessage(/Reminder set/);
    await ann.send('/remind tomorrow at 10 call the bank');
    await chat.nextMessage(/Reminder set/);
    const ivan = await sb.user('Иван', { first_name: 'Иван', language_code: 'ru' });
    await ivan.send('/start');
    await ivan.privateChat().nextMessage(/Иван/);

    // A backup while it runs: the app keeps answering during and after it.
    const backupFile = join(source, 'backups', 'live.snapshot.gz');
    const backup = await run(['backup', '--out', backupFile], { DATA_DIR: source });
    expect(backup.output).toMatch(
      /Wrote .*live\.snapshot\.gz \(mode 0600\): \d+ tables, \d+ rows \(\d+ jobs\)/,
    );
    expect(backup.code).toBe(0);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    await ann.send('/tasks');
    await chat.nextMessage(/Сдать курсовую по истории/);

    // The move: stop the source before the reminder is due, export it, import it elsewhere.
    await app.stop();
    if (await firedReminder(chat))
      throw new Error('the reminder fired before the move: the machine is too slow');
    const before = await withEmbedded(source, checksums);
    expect(before['public.users']).toMatch(/^2:/);
    expect(before['public.tasks']).toMatch(/^1:/);
    expect(before['public.reminders']).toMatch(/^2:/);
    const exportFile = join(source, 'move.snapshot.gz');
    const exported = await run(['export', '--out', exportFile], { DATA_DIR: source });
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toMatch(/keep .*encryption\.key with this file/);

    const targetDir = tempDataDir('secretary-import-');
    cleanups.push(() => removeDataDir(targetDir));
    const key = readFileSync(join(source, 'encryption.key'), 'utf8').trim();
    let target: Record<string, string> = { DATA_DIR: targetDir };
    let openTarget = () => openDatabase({ kind: 'embedded', dataDir: targetDir }, { logger: silent, max: 2 });
    if (process.env.TEST_DATABASE_URL) {
      const { createTestDatabase } = await import('../support/test-database.ts');
      const fresh = await createTestDatabase({ migrate: false });
      cleanups.push(() => fresh.close());
      target = { DATA_DIR: targetDir, DATABASE_URL: fresh.url, ENCRYPTION_KEY: key };
    } else {
      // The export does not carry the key: the operator copies it, as the message says.
      writeFileSync(join(targetDir, 'encryption.key'), `${key}\n`, { mode: 0o600 });
    }
    if (process.env.TEST_DATABASE_URL)
      openTarget = () => openPostgres(target.DATABASE_URL as string, { max: 2 });
    const targetChecksums = async () => {
      const db = await openTarget();
      try {
        return await checksums(db);
      } finally {
        await db.close();
      }
    };

    const imported = await run(['import', exportFile], target);
    expect(imported.output).toMatch(/Imported .* every table's count checked/);
    expect(imported.code).toBe(0);
    expect(await targetChecksums()).toEqual(before);

    // Refusals change nothing: a non-empty target, a truncated file, a corrupted one.
    const again = await run(['import', exportFile], target);
    expect(again.code, again.output).toBe(2);
    expect(again.output).toMatch(/The target database is not empty: .* Nothing was changed/);
    const whole = readFileSync(exportFile);
    const truncated = join(source, 'truncated.snapshot.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const cut = await run(['import', truncated], target);
    expect(cut.code, cut.output).toBe(2);
    expect(cut.output).toMatch(/is not a complete Secretary snapshot .*Nothing was changed/);
    const corrupt = join(source, 'corrupt.snapshot.gz');
    const flipped = Buffer.from(whole);
    flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(corrupt, flipped);
    const bad = await run(['import', corrupt], target);
    expect(bad.code, bad.output).toBe(2);
    expect(bad.output).toMatch(/is not a complete Secretary snapshot/);
    expect(await targetChecksums()).toEqual(before);

    // The pending reminder fires from the new database.
    const moved = spawnSecretary(['start'], { ...bot, ...target });
    cleanups.push(() => moved.stop('SIGKILL'));
    await moved.url(SPAWN_MS);
    await chat.nextMessage(/^⏰ Water the plants$/, { timeoutMs: SPAWN_MS });
    await moved.stop();

    // The live backup restores into a fresh DATA_DIR, its key with it, and every row is there.
    const restoreDir = tempDataDir('secretary-restore-');
    cleanups.push(() => removeDataDir(restoreDir));
    const restored = await run(['import', backupFile], { DATA_DIR: restoreDir });
    expect(restored.output).toMatch(/The encryption key from the file is now in .*encryption\.key/);
    expect(restored.code).toBe(0);
    expect(readFileSync(join(restoreDir, 'encryption.key'), 'utf8').trim()).toBe(key);
    const count = (sums: Record<string, string>) =>
      Object.fromEntries(Object.entries(sums).map(([table, sum]) => [table, Number(sum.split(':')[0])]));
    const inBackup = Object.fromEntries((await readSnapshot(backupFile)).tables.map((t) => [t.name, t.rows]));
    const restoredCounts = count(await withEmbedded(restoreDir, checksums));
    expect(restoredCounts).toEqual(inBackup);
    for (const table of ['public.users', 'public.tasks', 'public.reminders'])
      expect(restoredCounts[table]).toBe(count(before)[table]);
    expect(restoredCounts['pgboss.job']).toBeGreaterThan(0);
  }, 600_000);
});
