import { createSecretBox, deriveKey, type SecretBox } from './keys.ts';

/**
 * Text at rest is stored as `enc1:<key id>:<base64 of iv|tag|ciphertext>` (AES-256-GCM). The key
 * id is a fingerprint of the master key, so any process can tell which key wrote a value without a
 * key table, and a value written under an old key stays readable while that key is in the ring.
 */
export const SEALED_PREFIX = 'enc1:';

/**
 * The exact shape of a sealed value — a key id of 8 hex digits and canonically padded base64 of at
 * least 28 bytes (12 of iv, 16 of tag) — as one regular expression that means the same in
 * JavaScript and in PostgreSQL (`~`), so SQL can tell sealed values from plaintext as the app does.
 * Anything else is plaintext, however it starts: people can type `enc1:…` too.
 */
export const SEALED_SHAPE =
  '^enc1:[0-9a-f]{8}:(?:[A-Za-z0-9+/]{4}){9}' +
  '(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$';
const sealedShape = new RegExp(SEALED_SHAPE);

export class EncryptionKeyError extends Error {
  readonly code = 'encryption_key_unknown';
}

export interface Keyring {
  /** Key id of ENCRYPTION_KEY; everything new is sealed with it. */
  readonly currentId: string;
  /** All key ids this ring can open (current first). */
  readonly ids: readonly string[];
  seal(plaintext: string): string;
  /** Opens a sealed value; a value not shaped as one (written before encryption) comes back as is. */
  open(stored: string): string;
  /** The key id a stored value was sealed with, or null for plaintext (not shaped as a sealed value). */
  keyIdOf(stored: string): string | null;
  /** Whether some key of the ring authenticates this sealed value, whatever key id it names. */
  authenticates(stored: string): boolean;
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
    sealedShape.test(stored) ? stored.slice(SEALED_PREFIX.length, SEALED_PREFIX.length + 8) : null;
  const body = (stored: string) => stored.slice(SEALED_PREFIX.length + 9);
  const tryOpen = (box: SecretBox, stored: string): string | null => {
    try {
      return box.open(body(stored));
    } catch {
      return null;
    }
  };
  const anyKey = (stored: string) => {
    for (const box of boxes.values()) {
      const text = tryOpen(box, stored);
      if (text !== null) return text;
    }
    return null;
  };
  return {
    currentId,
    ids: [...boxes.keys()],
    seal: (plaintext) => `${SEALED_PREFIX}${currentId}:${current.seal(plaintext)}`,
    keyIdOf,
    authenticates: (stored) => keyIdOf(stored) !== null && anyKey(stored) !== null,
    open(stored) {
      const id = keyIdOf(stored);
      if (id === null) return stored;
      const box = boxes.get(id);
      // GCM's tag says which key sealed a value; the id only says which to try first.
      const text = box ? tryOpen(box, stored) : anyKey(stored);
      if (text !== null) return text;
      if (!box)
        throw new EncryptionKeyError(
          `Stored text was encrypted with key ${id}, but ENCRYPTION_KEY is key ${currentId} and ` +
            `ENCRYPTION_KEY_PREVIOUS holds ${boxes.size > 1 ? [...boxes.keys()].slice(1).join(', ') : 'nothing'}. ` +
            'Start with the key this data was written with (or add it to ENCRYPTION_KEY_PREVIOUS).',
        );
      // The key it names is here and refuses it: no other key would help (see encrypted-columns.ts).
      throw new EncryptionKeyError(
        `Stored text under key ${id} does not decrypt: it is corrupt or was tampered with`,
      );
    },
  };
}
