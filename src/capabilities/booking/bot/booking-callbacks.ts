import { callbackCodec, packId, unpackId } from '../../../bot/callback-data.ts';

// Every booking button's data is `bk:<action>:<args…>` through the platform's one codec (registered
// in the feature's `callbacks`, so no other feature can claim `bk`).

export const BOOKING_CALLBACKS = callbackCodec('bk');

export function bookingCallback(action: string, ...args: Array<string | number>): string {
  return BOOKING_CALLBACKS.pack(action, ...args);
}

/** A booking id in a button (22 characters instead of 36). */
export const packBooking = packId;
export const unpackBooking = unpackId;

export function parseBookingCallback(data: string): { action: string; args: string[] } | null {
  const [action, ...args] = BOOKING_CALLBACKS.unpack(data) ?? [];
  if (!action || !/^[a-z-]{1,12}$/.test(action)) return null;
  return { action, args };
}
