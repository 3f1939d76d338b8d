import { callbackCodec } from '../../../bot/callback-data.ts';

export { packId, unpackId } from '../../../bot/callback-data.ts';

/** Every button of this capability starts with `t:`. */
export const TASKS_CALLBACKS = callbackCodec('t');

export const cb = (...parts: Array<string | number>): string => TASKS_CALLBACKS.pack(...parts);

export interface Callback {
  action: string;
  args: string[];
}

export function parseCallback(data: string): Callback | null {
  const [action, ...args] = TASKS_CALLBACKS.unpack(data) ?? [];
  if (!action || !/^[a-z]{1,3}$/.test(action)) return null;
  return { action, args };
}

/** A version number as carried by a button, or null. */
export const versionArg = (arg: string | undefined) => (arg && /^\d{1,9}$/.test(arg) ? Number(arg) : null);

/** Where a card was opened from: list tab letter and page, e.g. "u2". */
export type ListTab = 'today' | 'upcoming' | 'overdue' | 'done';
export const TABS: readonly ListTab[] = ['today', 'upcoming', 'overdue', 'done'];
export const tabCode = (tab: ListTab, page: number) => `${tab[0]}${page}`;

export function parseTabCode(code: string | undefined): { tab: ListTab; page: number } | null {
  const match = code ? /^([tuod])(\d{1,3})$/.exec(code) : null;
  if (!match) return null;
  const tab = TABS.find((t) => t[0] === match[1]) as ListTab;
  return { tab, page: Number(match[2]) };
}
