/** Telegram allows 64 bytes of callback data. */
const MAX_BYTES = 64;
const PREFIX = /^[a-z][a-z0-9]{0,3}$/;

/**
 * The one callback-data codec: `<prefix>:<part>:<part>…`. Each feature declares its codecs
 * (`BotFeature.callbacks`) and the bot refuses to start when two features claim one prefix.
 */
export interface CallbackCodec {
  prefix: string;
  /** Data for a button; throws past Telegram's 64 bytes (a bug, not user input). */
  pack(...parts: Array<string | number>): string;
  /** The parts of data carrying this prefix, or null for someone else's (or malformed) data. */
  unpack(data: string): string[] | null;
  /** Matches this codec's data, for `composer.callbackQuery(codec.pattern, …)`. */
  pattern: RegExp;
}

export function callbackCodec(prefix: string): CallbackCodec {
  if (!PREFIX.test(prefix))
    throw new Error(`callback prefix "${prefix}" must be 1–4 lowercase letters/digits`);
  const head = `${prefix}:`;
  return {
    prefix,
    pack(...parts) {
      const data = [prefix, ...parts].join(':');
      if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    unpack(data) {
      if (!data.startsWith(head) || Buffer.byteLength(data) > MAX_BYTES) return null;
      return data.slice(head.length).split(':');
    },
    pattern: new RegExp(`^${prefix}:`),
  };
}

/** Fails on a prefix claimed twice, naming both owners. */
export function checkCallbackPrefixes(
  owners: ReadonlyArray<{ owner: string; codecs: readonly CallbackCodec[] }>,
) {
  const seen = new Map<string, string>();
  for (const { owner, codecs } of owners) {
    for (const codec of codecs) {
      const other = seen.get(codec.prefix);
      if (other) throw new Error(`Callback prefix "${codec.prefix}" is used by both ${other} and ${owner}`);
      seen.set(codec.prefix, owner);
    }
  }
}

/** A UUID as 22 base64url characters (callback data is tight). */
export const packId = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url');

export function unpackId(packed: string | undefined): string | null {
  if (!packed || !/^[A-Za-z0-9_-]{22}$/.test(packed)) return null;
  const hex = Buffer.from(packed, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
