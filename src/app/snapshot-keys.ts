import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config/config.ts';
import { createKeyring } from '../platform/crypto/keyring.ts';
import { previousKeys } from '../platform/crypto/keys.ts';
import { SnapshotError, type SnapshotHeader } from '../platform/db/snapshot-format.ts';
import { createPrivateFileOnce, ensurePrivateDir, writePrivateFile } from '../platform/fs/private-files.ts';

export interface MasterKeys {
  current: string;
  previous: string[];
}

/**
 * The keys this install already has (ENCRYPTION_KEY, or DATA_DIR/encryption.key, plus previous
 * ones), without generating one as `start` would: an import must not invent a key that cannot
 * open the file's text.
 */
export function existingKeys(config: Config): MasterKeys | null {
  const previous = previousKeys({ configured: config.previousEncryptionKeys, dataDir: config.dataDir });
  if (config.encryptionKey) return { current: config.encryptionKey, previous };
  const path = join(config.dataDir, 'encryption.key');
  if (!existsSync(path)) return null;
  return { current: readFileSync(path, 'utf8').trim(), previous };
}

/**
 * Decides, before an import changes anything, which keys will open the file's encrypted text:
 * this install's own, or the ones the file carries (then written to DATA_DIR once the import has
 * succeeded: `install()`). Throws a SnapshotError saying what to do when neither can.
 */
export function planImportKeys(config: Config, header: SnapshotHeader): { install(): string | null } {
  const needed = header.encryption.keyIds;
  const opens = (keys: MasterKeys) => {
    const ids = createKeyring(keys).ids;
    return needed.every((id) => ids.includes(id));
  };
  const own = existingKeys(config);
  const carried = header.encryption.keys;
  const nothing = { install: () => null };
  if (own && opens(own)) return nothing;
  if (own) {
    const where = config.encryptionKey ? 'ENCRYPTION_KEY' : `${join(config.dataDir, 'encryption.key')}`;
    throw new SnapshotError(
      `The file's text is encrypted under key ${needed.join(', ')}, which ${where} cannot open. ` +
        (carried
          ? config.encryptionKey
            ? "Set ENCRYPTION_KEY to the old install's key (the contents of its DATA_DIR/encryption.key) and import again."
            : 'The file carries its key: import into a fresh DATA_DIR (without encryption.key) and it is installed there.'
          : `Set ENCRYPTION_KEY to the old install's key (or copy its DATA_DIR/encryption.key), then import again.`),
    );
  }
  if (carried && opens(carried))
    return {
      install() {
        ensurePrivateDir(config.dataDir);
        const key = join(config.dataDir, 'encryption.key');
        if (!createPrivateFileOnce(key, `${carried.current}\n`).created)
          throw new SnapshotError(`${key} appeared while importing; import again into a fresh DATA_DIR.`);
        if (carried.previous.length)
          writePrivateFile(
            join(config.dataDir, 'encryption.key.previous'),
            `${carried.previous.join('\n')}\n`,
          );
        return join(config.dataDir, 'encryption.key');
      },
    };
  if (needed.length === 0) return nothing;
  throw new SnapshotError(
    `The file's text is encrypted under key ${needed.join(', ')} and the file does not carry it. ` +
      `Copy encryption.key from the old DATA_DIR into ${config.dataDir} (or set ENCRYPTION_KEY to the old key), ` +
      'then import again.',
  );
}
