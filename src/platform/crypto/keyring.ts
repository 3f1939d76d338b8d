import { createSecretBox, deriveKey, type SecretBox } from './keys.ts';

/**
 * Text at rest is stored as `enc1:<key id>:<base64 of iv|tag|ciphertext>` (AES-256-GCM). The key
 * id is a fingerprint of the master key, so any process can tell which key wrote a value without a
 * key table, and a value written under an old key stays readable while that key is in the ring.
 */
export const SEALED_PREFIX = 'enc1:';

export class EncryptionKeyError extends Error {
  readonly code = 'encryption_key_unknown';
}

export interface Keyring {
  /** Key id of ENCRYPTION_KEY; everything new is sealed with it. */
  readonly currentId: string;
  /** All key ids this ring can open (current first). */
  readonly ids: readonly string[];
  seal(plaintext: string): string;
  /** Opens a sealed value; a value without the prefix (written before encryption) comes back as is. */
  open(stored: string): string;
  /** The key id a stored value was sealed with, or null for plaintext. */
  keyIdOf(stored: string): string | null;
}

export function keyIdFor(master: string): string {
  return deriveKey(master, 'at-rest-key-id').subarray(0, 4).toString('hex');
}

export function createKeyring(masters: { current: string; previous?: readonly string[] }): Keyring {
  const boxes = new Map<string, SecretBox>();
  for (const master of [masters.current, ...(masters.previous ?? [])]) {
    const id = keyIdFor(master);
    if (!boxes.has(id)) boxes.set(id, createSecretBox(deriveKey(master, 'at-rest-text')));
  }
  const currentId = keyIdFor(masters.current);
  const current = boxes.get(currentId) as SecretBox;
  const keyIdOf = (stored: string) =>
    stored.startsWith(SEALED_PREFIX) ? stored.slice(SEALED_PREFIX.length, SEALED_PREFIX.length + 8) : null;
  return {
    currentId,
    ids: [...boxes.keys()],
    seal: (plaintext) => `${SEALED_PREFIX}${currentId}:${current.seal(plaintext)}`,
    keyIdOf,
    open(stored) {
      const id = keyIdOf(stored);
      if (id === null) return stored;
      const box = boxes.get(id);
      if (!box)
        throw new EncryptionKeyError(
          `Stored text was encrypted with key ${id}, but ENCRYPTION_KEY is key ${currentId} and ` +
            `ENCRYPTION_KEY_PREVIOUS holds ${boxes.size > 1 ? [...boxes.keys()].slice(1).join(', ') : 'nothing'}. ` +
            'Start with the key this data was written with (or add it to ENCRYPTION_KEY_PREVIOUS).',
        );
      try {
        return box.open(stored.slice(SEALED_PREFIX.length + 9));
      } catch {
        throw new EncryptionKeyError(
          `Stored text under key ${id} does not decrypt: it is corrupt or was tampered with`,
        );
      }
    },
  };
}
