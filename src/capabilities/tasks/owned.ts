import type { Db, Queryable, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';

export { isUuid } from '../../platform/db/ids.ts';

/** Foreign and unknown ids look the same to the caller: not found (never "forbidden"). */
export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `${what}_not_found`, `No ${what} ${id}`, { id });

export const invalid = (code: string, message: string) => new DomainError('invalid', code, message);

/** Runs `fn` in the caller's transaction, or in a new one. */
export function inTx<T>(db: Db, tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : db.transaction(fn);
}

export function cleanText(value: string, field: string, max: number): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) throw invalid(`${field}_empty`, `${field} must not be empty`);
  if (text.length > max) throw invalid(`${field}_too_long`, `${field} is longer than ${max} characters`);
  return text;
}

export type { Queryable };
