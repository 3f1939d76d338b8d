import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { users } from '../../platform/db/schema.ts';
import type { Reader } from './booking-format.ts';

/**
 * Who reads a notice, with their own zone (a booking time is labelled with the salon's city when
 * their clock differs): one query for everyone told of one change.
 */
export async function readersOf(
  db: Queryable,
  people: ReadonlyArray<{ userId: string | null; language: Reader['language'] }>,
): Promise<(person: { userId: string | null; language: Reader['language'] }) => Reader> {
  const ids = [...new Set(people.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const rows = ids.length
    ? await db.select({ id: users.id, timezone: users.timezone }).from(users).where(inArray(users.id, ids))
    : [];
  const zones = new Map(rows.map((r) => [r.id, r.timezone]));
  return (person) => ({
    language: person.language,
    timezone: person.userId ? (zones.get(person.userId) ?? null) : null,
  });
}
