import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { findEncryptedColumns } from '../crypto/encrypted-columns.ts';
import { SEALED_PREFIX, SEALED_SHAPE } from '../crypto/keyring.ts';
import type { Database, RawSql } from './database.ts';
import {
  END_PREFIX,
  rowDigest,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type SnapshotHeader,
  type SnapshotTable,
} from './snapshot-format.ts';
import {
  ident,
  JOB_SCHEMA,
  MIGRATIONS_TABLE,
  qualify,
  sequencePositions,
  snapshotTables,
  storedColumns,
  travelsAsText,
} from './snapshot-tables.ts';

const FETCH = 1000;

export interface ExportSummary {
  header: SnapshotHeader;
  tables: SnapshotTable[];
  rows: number;
}

/**
 * Writes a consistent snapshot of everything (the app's tables and pg-boss's jobs) to `file`, read
 * in ONE repeatable-read, read-only transaction while the system keeps running, streamed through
 * cursors and gzip. The file appears only when complete (written as `file.partial`, then renamed),
 * mode 0600. Encrypted text is copied as the ciphertext it is; `keys` carries the key in the header.
 */
export async function exportSnapshot(
  database: Database,
  file: string,
  options: { keys?: { current: string; previous: string[] } } = {},
): Promise<ExportSummary> {
  const client = await database.pool.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const header = await readHeader(client, options.keys);
    const tables: SnapshotTable[] = [];
    let rows = 0;
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const name of await snapshotTables(client)) {
        const columns = await storedColumns(client, name);
        yield `${JSON.stringify({ table: name, columns: columns.map((c) => c.name) })}\n`;
        const digest = rowDigest();
        const select = columns
          .map((c) => (travelsAsText(c) ? `${ident(c.name)}::text AS ${ident(c.name)}` : ident(c.name)))
          .join(', ');
        await client.query(
          `DECLARE snapshot_rows NO SCROLL CURSOR FOR
             SELECT row_to_json(t)::text AS r FROM (SELECT ${select} FROM ${qualify(name)}) t`,
        );
        for (;;) {
          const batch = await client.query<{ r: string }>(`FETCH FORWARD ${FETCH} FROM snapshot_rows`);
          if (batch.rows.length === 0) break;
          let chunk = '';
          for (const { r } of batch.rows) {
            digest.add(r);
            chunk += `${r}\n`;
          }
          yield chunk;
        }
        await client.query('CLOSE snapshot_rows');
        rows += digest.rows;
        tables.push({ name, columns: columns.map((c) => c.name), rows: digest.rows });
        yield `${END_PREFIX}${JSON.stringify(name)},"rows":${digest.rows},"sha256":"${digest.hex()}"}\n`;
      }
      yield `${JSON.stringify({ sequences: await sequencePositions(client) })}\n`;
      yield `${JSON.stringify({ footer: { tables: tables.length, rows } })}\n`;
    }
    await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600, flags: 'w' }));
    await client.query('COMMIT');
    await rename(partial, file);
    return { header, tables, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    await rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

async function readHeader(
  client: pg.PoolClient,
  keys: { current: string; previous: string[] } | undefined,
): Promise<SnapshotHeader> {
  const migrations = (
    await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${ident(MIGRATIONS_TABLE)} ORDER BY name`,
    )
  ).rows;
  const hasJobs = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
    `${JOB_SCHEMA}.version`,
  ]);
  const jobs = hasJobs.rows[0]?.t
    ? await client.query<{ version: number }>(`SELECT version FROM ${ident(JOB_SCHEMA)}.version`)
    : { rows: [] };
  const server = await client.query<{ v: string }>('SHOW server_version');
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    createdAt: new Date().toISOString(),
    migrations,
    jobSchemaVersion: Number(jobs.rows[0]?.version ?? 0),
    serverVersion: server.rows[0]?.v ?? 'unknown',
    encryption: { keyIds: await keyIdsInUse(client), ...(keys ? { keys } : {}) },
  };
}

/** The key ids that sealed the encrypted text in this snapshot. */
export async function keyIdsInUse(client: Pick<pg.ClientBase, 'query'>): Promise<string[]> {
  const raw: RawSql = {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    exec: async (text: string) => void (await client.query(text)),
  };
  const ids = new Set<string>();
  for (const { table, column } of await findEncryptedColumns(raw)) {
    const found = await raw.query<{ kid: string }>(
      `SELECT DISTINCT substr(${ident(column)}, ${SEALED_PREFIX.length + 1}, 8) AS kid
         FROM ${ident(table)} WHERE ${ident(column)} ~ $1`,
      [SEALED_SHAPE],
    );
    for (const { kid } of found) ids.add(kid);
  }
  return [...ids].sort();
}
