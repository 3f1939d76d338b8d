import type { RawSql } from '../db/database.ts';
import { EncryptionKeyError, type Keyring, SEALED_PREFIX, SEALED_SHAPE } from './keyring.ts';

/** The comment a migration puts on a column to say "this holds text people wrote: encrypt it". */
export const ENCRYPTED_MARK = 'secretary:encrypted';

export interface EncryptedColumn {
  table: string;
  column: string;
  /** The table's primary key columns (rows are addressed by them while resealing). */
  key: string[];
}

/** Columns marked encrypted in the current schema (their tables need a primary key). */
export async function findEncryptedColumns(raw: RawSql): Promise<EncryptedColumn[]> {
  return raw.query<EncryptedColumn>(
    `SELECT c.relname AS "table", a.attname AS "column",
            ARRAY(SELECT k.attname::text FROM pg_catalog.pg_index i
                    JOIN pg_catalog.pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
                   WHERE i.indrelid = c.oid AND i.indisprimary ORDER BY k.attnum) AS key
       FROM pg_catalog.pg_description d
       JOIN pg_catalog.pg_class c ON c.oid = d.objoid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
      WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.description = $1
        AND n.nspname = current_schema()
      ORDER BY 1, 2`,
    [ENCRYPTED_MARK],
  );
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** One text per row, unique and comparable, whatever the primary key's columns. */
const rowKey = (target: EncryptedColumn, alias = '') =>
  `ROW(${target.key.map((k) => `${alias}${ident(k)}`).join(', ')})::text`;
const BATCH = 500;

/**
 * Seals every value of the marked columns that is not under the ring's current key: plaintext
 * written before encryption existed (`scope: 'plaintext'`, run at every start) or, for key
 * rotation, also values under older keys (`scope: 'all'`). Each batch is one statement that only
 * replaces a value still equal to what was read, so concurrent writers and processes are safe.
 */
export async function resealColumns(
  raw: RawSql,
  keyring: Keyring,
  scope: 'plaintext' | 'all',
): Promise<Array<EncryptedColumn & { resealed: number }>> {
  const report: Array<EncryptedColumn & { resealed: number }> = [];
  // Plaintext is whatever is not shaped as a sealed value: `enc1:zzzz` typed by a person included.
  const settled = (column: string) =>
    scope === 'plaintext'
      ? 'TRUE'
      : `left(${column}, ${SEALED_PREFIX.length + 9}) = '${SEALED_PREFIX}${keyring.currentId}:'`;
  for (const target of await findEncryptedColumns(raw)) {
    const table = ident(target.table);
    const column = ident(target.column);
    const id = rowKey(target);
    let after = '';
    let resealed = 0;
    for (;;) {
      const rows = await raw.query<{ id: string; value: string }>(
        `SELECT ${id} AS id, ${column} AS value FROM ${table}
          WHERE ${column} IS NOT NULL AND NOT (${column} ~ $1 AND ${settled(column)})
            AND ${id} > $2
          ORDER BY 1 LIMIT ${BATCH}`,
        [SEALED_SHAPE, after],
      );
      if (rows.length === 0) break;
      const sealed = rows.map((r) => keyring.seal(keyring.open(r.value)));
      const updated = await raw.query(
        `UPDATE ${table} AS t SET ${column} = v.sealed
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, old, sealed)
          WHERE ${rowKey(target, 't.')} = v.id AND t.${column} = v.old
          RETURNING 1`,
        [rows.map((r) => r.id), rows.map((r) => r.value), sealed],
      );
      resealed += updated.length;
      after = rows[rows.length - 1]?.id ?? after;
    }
    report.push({ ...target, resealed });
  }
  return report;
}

/**
 * Fails fast (at start, not at someone's first read) when stored text was sealed under a key this
 * ring lacks: values shaped as sealed ones (SEALED_SHAPE) whose key id is not in the ring and that
 * no key of the ring authenticates. That is the one thing a different ENCRYPTION_KEY fixes.
 *
 * Not refused: values that start `enc1:` but are not shaped as sealed ones — plaintext that people
 * typed, sealed like any plaintext by resealColumns — counted in the returned report; and values
 * under a key id the ring holds that its key does not authenticate. Those were altered (or damaged)
 * after sealing, or typed to look sealed by someone who knew the key id; no key opens them, so
 * refusing would stop the service for everyone over one row that the operator cannot fix by
 * configuration, and finding them would mean decrypting the whole database at every start. Their
 * read fails alone, saying the value is corrupt or was tampered with.
 */
export async function assertKeyringOpensAll(
  raw: RawSql,
  keyring: Keyring,
): Promise<Array<EncryptedColumn & { lookalikes: number }>> {
  const report: Array<EncryptedColumn & { lookalikes: number }> = [];
  for (const target of await findEncryptedColumns(raw)) {
    const table = ident(target.table);
    const column = ident(target.column);
    const groups = await raw.query<{ kid: string | null; n: number }>(
      `SELECT CASE WHEN ${column} ~ $1 THEN substr(${column}, ${SEALED_PREFIX.length + 1}, 8) END AS kid,
              count(*)::int AS n
         FROM ${table} WHERE ${column} LIKE $2 GROUP BY 1`,
      [SEALED_SHAPE, `${SEALED_PREFIX}%`],
    );
    for (const { kid } of groups) {
      if (kid === null || keyring.ids.includes(kid)) continue;
      const samples = await raw.query<{ value: string }>(
        `SELECT ${column} AS value FROM ${table}
          WHERE ${column} ~ $1 AND substr(${column}, ${SEALED_PREFIX.length + 1}, 8) = $2 LIMIT 20`,
        [SEALED_SHAPE, kid],
      );
      for (const { value } of samples) {
        try {
          keyring.open(value);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new EncryptionKeyError(`${message} (found in ${target.table}.${target.column})`);
        }
      }
    }
    const lookalikes = groups.find((g) => g.kid === null)?.n ?? 0;
    if (lookalikes > 0) report.push({ ...target, lookalikes });
  }
  return report;
}

export { EncryptionKeyError };
