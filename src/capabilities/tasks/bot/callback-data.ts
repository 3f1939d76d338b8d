/** Telegram allows 64 bytes of callback data; every button of this capability starts with `t:`. */
const MAX_BYTES = 64;

/** A UUID as 22 base64url characters (callback data is tight). */
export const packId = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url');

export function unpackId(packed: string | undefined): string | null {
  if (!packed || !/^[A-Za-z0-9_-]{22}$/.test(packed)) return null;
  const hex = Buffer.from(packed, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function cb(...parts: Array<string | number>): string {
  const data = ['t', ...parts].join(':');
  if (Buffer.byteLength(data) > MAX_BYTES) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
}

export interface Callback {
  action: string;
  args: string[];
}

export function parseCallback(data: string): Callback | null {
  if (!data.startsWith('t:') || Buffer.byteLength(data) > MAX_BYTES) return null;
  const [, action, ...args] = data.split(':');
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
