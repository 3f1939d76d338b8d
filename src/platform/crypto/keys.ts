import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFileOnce, ensurePrivateDir, writePrivateFile } from '../fs/private-files.ts';

const KEY_FILE = 'encryption.key';
/** Older generated keys, one per line, newest first: still read, never written with. */
const PREVIOUS_FILE = 'encryption.key.previous';

/**
 * The master key: ENCRYPTION_KEY when set; in embedded mode, a random key generated once into
 * DATA_DIR (mode 0600) so a laptop install needs no setup. Losing that file loses encrypted data.
 */
export function resolveEncryptionKey(options: { configured: string | undefined; dataDir: string }): {
  key: string;
  source: 'env' | 'file' | 'generated';
} {
  if (options.configured) return { key: options.configured, source: 'env' };
  const path = join(options.dataDir, KEY_FILE);
  const stored = (text: string) => {
    const key = text.trim();
    if (key.length < 32)
      throw new Error(`${path} is corrupt (shorter than 32 characters); restore it from a backup`);
    return key;
  };
  if (existsSync(path)) return { key: stored(readFileSync(path, 'utf8')), source: 'file' };
  ensurePrivateDir(options.dataDir);
  // Of several processes starting at once on a fresh DATA_DIR, one key wins and all use it.
  const { content, created } = createPrivateFileOnce(path, `${randomBytes(32).toString('base64')}\n`);
  return { key: stored(content), source: created ? 'generated' : 'file' };
}

/** Keys that still open old data: ENCRYPTION_KEY_PREVIOUS plus, in DATA_DIR, the generated keys rotated out. */
export function previousKeys(options: { configured: readonly string[]; dataDir: string }): string[] {
  const path = join(options.dataDir, PREVIOUS_FILE);
  const fromFile = existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length >= 32)
    : [];
  return [...options.configured, ...fromFile];
}

/**
 * Replaces the generated key in DATA_DIR with a new one, keeping the old one in
 * encryption.key.previous (written first, so a crash in between loses no key). Returns both.
 */
export function rotateKeyFile(dataDir: string): { old: string; fresh: string } {
  const path = join(dataDir, KEY_FILE);
  const old = readFileSync(path, 'utf8').trim();
  const previousPath = join(dataDir, PREVIOUS_FILE);
  const earlier = existsSync(previousPath) ? readFileSync(previousPath, 'utf8') : '';
  writePrivateFile(previousPath, `${old}\n${earlier}`);
  const fresh = randomBytes(32).toString('base64');
  writePrivateFile(`${path}.tmp`, `${fresh}\n`);
  renameSync(`${path}.tmp`, path);
  return { old, fresh };
}

/** A 32-byte subkey for one purpose (HKDF-SHA256), so one leaked subkey does not expose the others. */
export function deriveKey(master: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'secretary', purpose, 32));
}

/** AES-256-GCM for sensitive text at rest (notes, conversation history). Output: base64(iv|tag|ciphertext). */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret box key must be 32 bytes');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
