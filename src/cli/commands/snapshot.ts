import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { existingKeys, planImportKeys } from '../../app/snapshot-keys.ts';
import type { Config } from '../../platform/config/config.ts';
import { exportSnapshot } from '../../platform/db/snapshot-export.ts';
import { SnapshotError, schemaVersion } from '../../platform/db/snapshot-format.ts';
import { importSnapshot } from '../../platform/db/snapshot-import.ts';
import { ensurePrivateDir } from '../../platform/fs/private-files.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

function target(config: Config): string {
  if (config.database.kind === 'embedded') return `the embedded PostgreSQL in ${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `${url.host}${url.pathname}`;
}

function fail(error: unknown, config: Config): never {
  if (error instanceof SnapshotError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  exitOnStartupError(error, loggerFor(config));
}

/** `secretary export --out FILE` (and `backup`): a snapshot of the running store, jobs included. */
export async function exportCommand(
  env: Record<string, string | undefined>,
  options: { out?: string; includeKey: boolean | 'if-present' },
): Promise<void> {
  const config = configOrExit(env);
  let out = options.out;
  if (!out) {
    const stamp = new Date()
      .toISOString()
      .replaceAll(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    out = join(ensurePrivateDir(join(config.dataDir, 'backups')), `secretary-${stamp}.snapshot.gz`);
  }
  out = resolve(out);
  // A missing folder is made, private like everything this process writes.
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  try {
    const keys = options.includeKey ? existingKeys(config) : null;
    if (options.includeKey === true && !keys)
      throw new SnapshotError(
        `There is no encryption key to include (no ENCRYPTION_KEY and no ${join(config.dataDir, 'encryption.key')}). ` +
          'Run without --include-key, or point DATA_DIR at the install.',
      );
    const summary = await withDatabase(config, (database) =>
      exportSnapshot(database, out, keys ? { keys } : {}),
    );
    const jobs = summary.tables.find((t) => t.name === 'pgboss.job')?.rows ?? 0;
    const ids = summary.header.encryption.keyIds;
    process.stdout.write(
      `Wrote ${out} (mode 0600): ${summary.tables.length} tables, ${summary.rows} rows (${jobs} jobs), ` +
        `schema ${schemaVersion(summary.header)}, one consistent snapshot of ${target(config)}.\n` +
        (ids.length === 0
          ? 'No encrypted text in it yet.\n'
          : keys
            ? `Encrypted text stays encrypted (key ${ids.join(', ')}); the key travels IN this file: keep it as secret as the key.\n`
            : `Encrypted text stays encrypted under key ${ids.join(', ')}: keep ${
                config.encryptionKey ? 'ENCRYPTION_KEY' : join(config.dataDir, 'encryption.key')
              } with this file (or export with --include-key), or that text cannot be read after an import.\n`) +
        `Restore or move it with: secretary import ${out}\n`,
    );
  } catch (error) {
    fail(error, config);
  }
}

/** `secretary import FILE`: into an empty DATABASE_URL database, or a fresh DATA_DIR. */
export async function importCommand(env: Record<string, string | undefined>, file: string): Promise<void> {
  const config = configOrExit(env);
  try {
    let installKey: () => string | null = () => null;
    const summary = await withDatabase(config, (database) =>
      importSnapshot(database, resolve(file), {
        beforeChanges: (header) => {
          installKey = planImportKeys(config, header).install;
        },
      }),
    );
    const keyFile = installKey();
    const jobs = summary.tables.find((t) => t.name === 'pgboss.job')?.rows ?? 0;
    process.stdout.write(
      `Imported ${file} into ${target(config)}: ${summary.tables.length} tables, ${summary.rows} rows ` +
        `(${jobs} jobs, pending reminders included), schema ${schemaVersion(summary.header)}; every table's count checked.\n` +
        (summary.replicaMode
          ? ''
          : 'Loaded in foreign-key order with every constraint checked (this role may not set session_replication_role).\n') +
        (keyFile ? `The encryption key from the file is now in ${keyFile} (mode 0600).\n` : '') +
        'Start Secretary on this database (secretary start) with the same settings as before.\n',
    );
  } catch (error) {
    fail(error, config);
  }
}
