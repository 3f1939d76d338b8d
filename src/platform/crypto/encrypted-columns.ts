import type { RawSql } from '../db/database.ts';
import { EncryptionKeyError, type Keyring, SEALED_PREFIX } from './keyring.ts';

/** The comment a migration puts on a column to say "this holds text people wrote: encrypt it". */
export const ENCRYPTED_MARK = 'secretary:encrypted';

export interface EncryptedColumn {
  table: string;
  column: string;
}

/** Columns marked encrypted in the current schema (tables need an `id` primary key). */
export async function findEncryptedColumns(raw: RawSql): Promise<EncryptedColumn[]> {
  return raw.query<EncryptedColumn>(
    `SELECT c.relname AS "table", a.attname AS "column"
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
  const skip = scope === 'plaintext' ? `${SEALED_PREFIX}%` : `${SEALED_PREFIX}${keyring.currentId}:%`;
  for (const target of await findEncryptedColumns(raw)) {
    const table = ident(target.table);
    const column = ident(target.column);
    let after = '';
    let resealed = 0;
    for (;;) {
      const rows = await raw.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${column} AS value FROM ${table}
          WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 AND id::text > $2
          ORDER BY id::text LIMIT ${BATCH}`,
        [skip, after],
      );
      if (rows.length === 0) break;
      const sealed = rows.map((r) => keyring.seal(keyring.open(r.value)));
      const updated = await raw.query(
        `UPDATE ${table} AS t SET ${column} = v.sealed
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, old, sealed)
          WHERE t.id::text = v.id AND t.${column} = v.old
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

/** Fails fast (at start, not at the first read) when stored text was written under a key not in the ring. */
export async function assertKeyringOpensAll(raw: RawSql, keyring: Keyring): Promise<void> {
  for (const target of await findEncryptedColumns(raw)) {
    const column = ident(target.column);
    const rows = await raw.query<{ kid: string; sample: string }>(
      `SELECT substr(${column}, ${SEALED_PREFIX.length + 1}, 8) AS kid, min(${column}) AS sample
         FROM ${ident(target.table)} WHERE ${column} LIKE $1 GROUP BY 1`,
      [`${SEALED_PREFIX}%`],
    );
    for (const { kid, sample } of rows) {
      if (!keyring.ids.includes(kid)) keyring.open(sample); // throws the explanatory EncryptionKeyError
    }
  }
}

export { EncryptionKeyError };
