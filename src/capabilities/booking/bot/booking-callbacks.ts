import { packId, unpackId } from '../../../bot/callback-data.ts';

// Every booking button's data starts with `bk:` (Telegram allows 64 bytes). One codec for the
// capability; platform v2's shared codec replaces this file.

const PREFIX = 'bk';

export function bookingCallback(action: string, ...args: Array<string | number>): string {
  const data = [PREFIX, action, ...args].join(':');
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
}

/** A booking id in a button (22 characters instead of 36). */
export const packBooking = packId;
export const unpackBooking = unpackId;

export function parseBookingCallback(data: string): { action: string; args: string[] } | null {
  const [prefix, action, ...args] = data.split(':');
  if (prefix !== PREFIX || !action || !/^[a-z-]{1,12}$/.test(action)) return null;
  return { action, args };
}
