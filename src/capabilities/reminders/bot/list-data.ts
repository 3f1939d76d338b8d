import { packId, unpackId } from '../../../bot/callback-data.ts';
import { isUuid } from '../../../platform/db/ids.ts';
import { LIST_CALLBACKS } from '../reminder-messages.ts';

/**
 * Buttons of the list and the reminder card: `rl:<action>:<list page>[:<reminder id>[:<extra>]]`,
 * the id packed to 22 characters. Actions: p page · o open · pa/re pause/resume · t/w/r edit text,
 * time, repeat · r1 stop repeating · de/dy delete?/yes · mv move to a suggested time · x cancel an edit.
 */
export type ListAction = 'p' | 'o' | 'pa' | 're' | 't' | 'w' | 'r' | 'r1' | 'de' | 'dy' | 'mv' | 'x';
const ACTIONS = new Set<string>(['p', 'o', 'pa', 're', 't', 'w', 'r', 'r1', 'de', 'dy', 'mv', 'x']);

export const listData = (action: ListAction, page: number, id?: string, extra?: string) =>
  LIST_CALLBACKS.pack(action, page, ...(id ? [packId(id)] : []), ...(extra ? [extra] : []));

export interface ListButton {
  action: ListAction;
  page: number;
  /** The reminder the button is about (null for paging). */
  id: string | null;
  extra: string | null;
}

/** Parses a list/card button; null for anything malformed (the caller answers "out of date"). */
export function parseListData(data: string): ListButton | null {
  const [action, page, id, extra, ...rest] = LIST_CALLBACKS.unpack(data) ?? [];
  if (rest.length || !action || !ACTIONS.has(action) || !page || !/^\d{1,4}$/.test(page)) return null;
  // Lists drawn before the card existed carried the whole UUID.
  const reminderId = id === undefined ? null : (unpackId(id) ?? (isUuid(id) ? id : undefined));
  if (reminderId === undefined || (action !== 'p' && !reminderId)) return null;
  if ((action === 'mv') !== (extra !== undefined) || (extra !== undefined && !/^[0-9a-z]{1,10}$/.test(extra)))
    return null;
  return { action: action as ListAction, page: Number(page), id: reminderId, extra: extra ?? null };
}

/** A moment carried by a button: minutes since the epoch in base 36. */
export const packMinute = (at: Date) => Math.floor(at.getTime() / 60_000).toString(36);
export const unpackMinute = (text: string) => new Date(Number.parseInt(text, 36) * 60_000);
