import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/**
 * A snapshot file (what `secretary export` and `secretary backup` write) is gzip'd JSON lines:
 *
 *   {"format":"secretary-snapshot","version":1,...header}       the first line (SnapshotHeader)
 *   {"table":"public.users","columns":["id",...]}                then, per table, in FK-safe order:
 *   {"id":1,...}                                                 one row_to_json line per row
 *   {"#end":"public.users","rows":2,"sha256":"..."}               sha256 over the row lines (+ "\n")
 *   {"sequences":[{"name":"public.x_id_seq","last":"42"}]}
 *   {"footer":{"tables":31,"rows":1234}}                         the last line: absent = truncated
 *
 * Rows are PostgreSQL's own JSON of each row (json and jsonb columns as their text, so a JSON
 * `null` stays distinct from SQL NULL), loaded back with json_to_recordset, so every value reaches
 * the target through its type's input function (no JavaScript number in between).
 */
export const SNAPSHOT_FORMAT = 'secretary-snapshot';
export const SNAPSHOT_VERSION = 1;
/** Closes a table's rows; no column is called "#end", so no row line starts like this. */
export const END_PREFIX = '{"#end":';

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  createdAt: string;
  /** Applied migrations, in order; the last one is the schema version. */
  migrations: Array<{ name: string; checksum: string }>;
  /** pg-boss's schema version (pgboss.version). */
  jobSchemaVersion: number;
  serverVersion: string;
  encryption: {
    /** Key ids the encrypted text in the file was sealed with: the target needs every one. */
    keyIds: string[];
    /** Present only when the export was asked to carry the key (`--include-key`). */
    keys?: { current: string; previous: string[] };
  };
}

export interface SnapshotTable {
  name: string;
  columns: string[];
  rows: number;
}

export class SnapshotError extends Error {
  readonly code = 'snapshot_invalid';
}

export function schemaVersion(header: SnapshotHeader): string {
  return header.migrations.at(-1)?.name ?? '(none)';
}

/** Counts and hashes the rows of one table as they are written or read. */
export function rowDigest() {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    add(line: string) {
      hash.update(line).update('\n');
      rows += 1;
    },
    get rows() {
      return rows;
    },
    hex: () => hash.digest('hex'),
  };
}

export type SnapshotEvent =
  | { kind: 'table'; table: SnapshotTable }
  | { kind: 'row'; line: string }
  | { kind: 'end'; table: SnapshotTable }
  | { kind: 'sequences'; sequences: Array<{ name: string; last: string }> };

const damaged = (file: string, why: string) =>
  new SnapshotError(
    `${file} is not a complete Secretary snapshot (${why}). Nothing was changed. ` +
      'Use another copy of the file, or export again from the source.',
  );

function parse(file: string, line: string, n: number): Record<string, unknown> {
  try {
    const value = JSON.parse(line) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw damaged(file, `line ${n} is not a JSON object`);
}

/**
 * Reads a snapshot file, checking as it goes (gzip CRC, JSON, per-table counts and sha256, the
 * footer). `onEvent` sees every table and row; a damaged file throws a SnapshotError — on the
 * first pass of an import, before anything touches the target.
 */
export async function readSnapshot(
  file: string,
  onEvent: (event: SnapshotEvent) => Promise<void> | void = () => {},
): Promise<{ header: SnapshotHeader; tables: SnapshotTable[] }> {
  const bytes = createReadStream(file);
  const gunzip = createGunzip();
  // readline reports the stream's errors; this listener only keeps a late one (after we stopped
  // reading at a damaged line) from crashing the process.
  gunzip.on('error', () => {});
  bytes.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: bytes.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  let header: SnapshotHeader | undefined;
  let current: { table: SnapshotTable; digest: ReturnType<typeof rowDigest> } | undefined;
  const tables: SnapshotTable[] = [];
  let footer = false;
  let n = 0;
  try {
    for await (const line of lines) {
      n += 1;
      if (footer) throw damaged(file, `unexpected data after the footer at line ${n}`);
      if (current && !line.startsWith(END_PREFIX)) {
        current.digest.add(line);
        await onEvent({ kind: 'row', line });
        continue;
      }
      const record = parse(file, line, n);
      if (!header) {
        if (record.format !== SNAPSHOT_FORMAT)
          throw damaged(file, 'it does not start with a snapshot header');
        if (record.version !== SNAPSHOT_VERSION)
          throw new SnapshotError(
            `${file} is snapshot format ${String(record.version)}; this build reads format ${SNAPSHOT_VERSION}. Use the Secretary version that wrote it.`,
          );
        header = record as unknown as SnapshotHeader;
      } else if (current) {
        const { digest, table } = current;
        if (record['#end'] !== table.name)
          throw damaged(file, `table ${table.name} is not closed at line ${n}`);
        if (record.rows !== digest.rows || record.sha256 !== digest.hex())
          throw damaged(file, `the rows of ${table.name} do not match their checksum`);
        table.rows = digest.rows;
        tables.push(table);
        await onEvent({ kind: 'end', table });
        current = undefined;
      } else if (typeof record.table === 'string' && Array.isArray(record.columns)) {
        current = {
          table: { name: record.table, columns: record.columns as string[], rows: 0 },
          digest: rowDigest(),
        };
        await onEvent({ kind: 'table', table: current.table });
      } else if (Array.isArray(record.sequences)) {
        await onEvent({
          kind: 'sequences',
          sequences: record.sequences as Array<{ name: string; last: string }>,
        });
      } else if (record.footer && typeof record.footer === 'object') {
        const f = record.footer as { tables?: unknown };
        if (f.tables !== tables.length) throw damaged(file, 'the footer counts a different number of tables');
        footer = true;
      } else throw damaged(file, `line ${n} is not part of the format`);
    }
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new SnapshotError(`${file} does not exist.`);
    if (code?.startsWith('Z_') || /unexpected end|incorrect header|invalid/i.test((error as Error).message))
      throw damaged(file, `gzip: ${(error as Error).message}`);
    throw error;
  } finally {
    lines.close();
    bytes.destroy();
    gunzip.destroy();
  }
  if (!header) throw damaged(file, 'it is empty');
  if (!footer) throw damaged(file, 'it ends before its footer: truncated');
  return { header, tables };
}
