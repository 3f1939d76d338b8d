import { customType } from 'drizzle-orm/pg-core';
import type { Keyring } from './keyring.ts';

/*
 * Drizzle's column codecs are static functions with no per-query context, so the keyring they use
 * is process-wide: the composition root (startSystem, a CLI command, the test setup) installs it
 * once, before any query. Reading or writing an encrypted column without one is a bug, not a
 * silent plaintext write, so it throws.
 */
let installed: Keyring | null = null;

/** Makes `keyring` the one encrypted columns use in this process; returns the one it replaced. */
export function installKeyring(keyring: Keyring | null): Keyring | null {
  const previous = installed;
  installed = keyring;
  return previous;
}

function keyring(): Keyring {
  if (!installed)
    throw new Error('encrypted column used before a keyring was installed (see installKeyring)');
  return installed;
}

/**
 * A `text` column whose values are sealed with AES-256-GCM on the way in and opened on the way
 * out. Mark the column `COMMENT ON COLUMN t.c IS 'secretary:encrypted'` in the migration so the
 * platform encrypts rows written before and re-encrypts them on `secretary keys rotate`.
 * The database sees only ciphertext: never filter, sort or index such a column in SQL.
 */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => (value === null ? value : keyring().seal(value)),
  fromDriver: (value) => (value === null ? value : keyring().open(value)),
});

/**
 * A JSON value sealed like encryptedText (stored as `text`): for payloads that carry what people
 * typed (a raw Telegram update, a reply that echoes a title). Mark the column as encryptedText's.
 */
export const encryptedJson = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => keyring().seal(JSON.stringify(value)),
  fromDriver: (value) => JSON.parse(keyring().open(value)),
});
