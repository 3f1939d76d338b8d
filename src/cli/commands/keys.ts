import type { Config } from '../../platform/config/config.ts';
import { assertKeyringOpensAll, resealColumns } from '../../platform/crypto/encrypted-columns.ts';
import { createKeyring } from '../../platform/crypto/keyring.ts';
import { previousKeys, resolveEncryptionKey, rotateKeyFile } from '../../platform/crypto/keys.ts';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { configOrExit, exitOnStartupError, loggerFor, withDatabase } from './shared.ts';

export interface RotationReport {
  keyId: string;
  columns: Array<{ table: string; column: string; resealed: number }>;
}

/**
 * Re-encrypts every encrypted column under the current key. With ENCRYPTION_KEY set, the
 * operator has already made the new key current (the old one in ENCRYPTION_KEY_PREVIOUS); with the
 * key generated in DATA_DIR, this makes a new key itself and keeps the old in encryption.key.previous.
 */
export async function rotateKeys(config: Config, database: Database): Promise<RotationReport> {
  await migrate(database);
  const configured = config.previousEncryptionKeys;
  const { key } = resolveEncryptionKey({ configured: config.encryptionKey, dataDir: config.dataDir });
  const before = createKeyring({
    current: key,
    previous: previousKeys({ configured, dataDir: config.dataDir }),
  });
  // Everything stored must open before anything is rewritten (or a key file replaced).
  await assertKeyringOpensAll(database.raw, before);
  const current = config.encryptionKey ?? rotateKeyFile(config.dataDir).fresh;
  const keyring = createKeyring({ current, previous: previousKeys({ configured, dataDir: config.dataDir }) });
  const columns = await resealColumns(database.raw, keyring, 'all');
  return { keyId: keyring.currentId, columns };
}

export async function keysRotateCommand(env: Record<string, string | undefined>): Promise<void> {
  const config = configOrExit(env);
  try {
    const report = await withDatabase(config, (database) => rotateKeys(config, database));
    for (const c of report.columns)
      process.stdout.write(`${c.table}.${c.column}: ${c.resealed} re-encrypted\n`);
    process.stdout.write(
      `All encrypted text is now under key ${report.keyId}.\n` +
        (config.encryptionKey
          ? 'Once every process runs with the new ENCRYPTION_KEY, ENCRYPTION_KEY_PREVIOUS can be removed.\n'
          : 'The new key is in DATA_DIR/encryption.key (back it up); old keys stay in encryption.key.previous.\n') +
        'API tokens signed with the old key stop working: people sign in again.\n',
    );
  } catch (error) {
    exitOnStartupError(error, loggerFor(config));
  }
}
