import { createHash, randomBytes } from 'node:crypto';

/** Telegram-looking opaque file ids. */
export function newFileIds(seq: number): { file_id: string; file_unique_id: string } {
  const random = randomBytes(18).toString('base64url');
  return {
    file_id: `AgACAgIAAxk${seq.toString(36)}${random}`,
    file_unique_id: `AQAD${createHash('sha1').update(random).digest('base64url').slice(0, 12)}`,
  };
}

export function newCallbackQueryId(seq: number): string {
  return `${BigInt(4_000_000_000_000) * 1000n + BigInt(seq)}`;
}

export const BASIC_GROUP_BASE = 4_000_000_000;
export const SUPERGROUP_BASE = 1_002_000_000_000;
