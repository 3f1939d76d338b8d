import type pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import {
  readSnapshot,
  SnapshotError,
  type SnapshotHeader,
  type SnapshotTable,
  schemaVersion,
} from './snapshot-format.ts';
import {
  ident,
  JOB_SCHEMA,
  MIGRATIONS_TABLE,
  qualify,
  type StoredColumn,
  snapshotTables,
  storedColumns,
  travelsAsText,
} from './snapshot-tables.ts';

const BATCH = 1000;

export interface ImportSummary {
  header: SnapshotHeader;
  tables: SnapshotTable[];
  rows: number;
  /** False when the server refused session_replication_role (not a superuser): loaded in FK order. */
  replicaMode: boolean;
}

/**
 * Loads a snapshot into an empty database: checks the whole file first (nothing is touched if it
 * is damaged), refuses a target holding any data, migrates to the file's schema version, creates
 * pg-boss's schema as the app does, then loads every table in one transaction and checks the counts.
 * `beforeChanges` runs after the checks and before the first write (the caller checks keys there).
 */
export async function importSnapshot(
  database: Database,
  file: string,
  options: { beforeChanges?: (header: SnapshotHeader) => void | Promise<void> } = {},
): Promise<ImportSummary> {
  const { header, tables: inFile } = await readSnapshot(file);
  const code = await readMigrations();
  checkSchema(file, header, code);
  await assertEmpty(database, header);
  await options.beforeChanges?.(header);

  await migrate(database, code.slice(0, header.migrations.length));
  await createJobSchema(database, header);

  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const replicaMode = await tryReplicaMode(client);
    const present = new Set(await snapshotTables(client));
    const loading = inFile.map((t) => t.name);
    const missing = loading.filter((t) => !present.has(t));
    if (missing.length)
      throw new SnapshotError(
        `The target has no table ${missing.join(', ')}: the file does not fit this schema.`,
      );
    // Migrations and pg-boss may have written rows of their own; the file has the real ones.
    if (loading.length) await client.query(`TRUNCATE ${loading.map(qualify).join(', ')} CASCADE`);

    const tables: SnapshotTable[] = [];
    let table: { name: string; columns: StoredColumn[]; batch: string[] } | undefined;
    const flush = async () => {
      if (!table || table.batch.length === 0) return;
      const names = table.columns.map((c) => ident(c.name)).join(', ');
      const definition = table.columns
        .map((c) => `${ident(c.name)} ${travelsAsText(c) ? 'text' : c.type}`)
        .join(', ');
      const values = table.columns
        .map((c) => (travelsAsText(c) ? `x.${ident(c.name)}::${c.type}` : `x.${ident(c.name)}`))
        .join(', ');
      await client.query(
        `INSERT INTO ${qualify(table.name)} (${names}) OVERRIDING SYSTEM VALUE
         SELECT ${values} FROM json_to_recordset($1::json) AS x(${definition})`,
        [`[${table.batch.join(',')}]`],
      );
      table.batch = [];
    };
    await readSnapshot(file, async (event) => {
      if (event.kind === 'table') {
        // Columns only the target has get their defaults; columns it lacks are left behind.
        const inFileColumns = new Set(event.table.columns);
        const columns = (await storedColumns(client, event.table.name)).filter((c) =>
          inFileColumns.has(c.name),
        );
        table = { name: event.table.name, columns, batch: [] };
      } else if (event.kind === 'row' && table) {
        table.batch.push(event.line);
        if (table.batch.length >= BATCH) await flush();
      } else if (event.kind === 'end') {
        await flush();
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${qualify(event.table.name)}`,
        );
        if (rows[0]?.n !== event.table.rows)
          throw new Error(
            `${event.table.name}: ${rows[0]?.n} rows loaded, the file has ${event.table.rows}; nothing was kept`,
          );
        tables.push(event.table);
        table = undefined;
      } else if (event.kind === 'sequences') {
        for (const s of event.sequences)
          await client.query(
            'SELECT setval(to_regclass($1), $2::bigint, true) WHERE to_regclass($1) IS NOT NULL',
            [qualify(s.name), s.last],
          );
      }
    });
    await client.query('COMMIT');
    return { header, tables, rows: tables.reduce((n, t) => n + t.rows, 0), replicaMode };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function checkSchema(file: string, header: SnapshotHeader, code: Array<{ name: string; checksum: string }>) {
  header.migrations.forEach((m, i) => {
    const ours = code[i];
    if (!ours || ours.name !== m.name)
      throw new SnapshotError(
        `${file} was written by a newer Secretary (schema ${schemaVersion(header)}; this build knows up to ` +
          `${code.at(-1)?.name ?? 'nothing'}). Upgrade this install to the version that wrote it, then import again.`,
      );
    if (ours.checksum !== m.checksum)
      throw new SnapshotError(
        `Migration ${m.name} in ${file} differs from this build's: the file comes from another fork of Secretary. ` +
          'Import it with the build that wrote it.',
      );
  });
}

/** Empty = no row in any app table and no job; a schema alone (say, from `secretary migrate`) is fine. */
async function assertEmpty(database: Database, header: SnapshotHeader): Promise<void> {
  const client = await database.pool.connect();
  try {
    const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
      MIGRATIONS_TABLE,
    ]);
    const applied = exists.rows[0]?.t
      ? (await client.query<{ name: string }>(`SELECT name FROM ${ident(MIGRATIONS_TABLE)}`)).rows.map(
          (r) => r.name,
        )
      : [];
    const fileNames = header.migrations.map((m) => m.name);
    const ahead = applied.filter((n) => !fileNames.includes(n));
    if (ahead.length)
      throw new SnapshotError(
        `The target database already has migrations the file lacks (${ahead.join(', ')}). ` +
          'Import into a new, empty database (createdb …, or a fresh DATA_DIR).',
      );
    const withRows: string[] = [];
    for (const name of await snapshotTables(client)) {
      if (name.startsWith(`${JOB_SCHEMA}.`) && !/\.(job|schedule)$/.test(name)) continue;
      const { rows } = await client.query(`SELECT 1 FROM ${qualify(name)} LIMIT 1`);
      if (rows.length) withRows.push(name);
    }
    if (withRows.length)
      throw new SnapshotError(
        `The target database is not empty: ${withRows.slice(0, 5).join(', ')}${withRows.length > 5 ? ', …' : ''} ` +
          'have rows. Nothing was changed. Import only into an empty database: create a new one ' +
          '(createdb secretary_new, then DATABASE_URL=…/secretary_new) or use a fresh DATA_DIR.',
      );
  } finally {
    client.release();
  }
}

/** pg-boss builds (or upgrades) its own schema at start, exactly as the app's first start does. */
async function createJobSchema(database: Database, header: SnapshotHeader): Promise<void> {
  const boss = new PgBoss({
    connectionString: database.url,
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    max: 2,
  });
  boss.on('error', () => {});
  await boss.start();
  const version = (await boss.schemaVersion()) ?? 0;
  await boss.stop({ graceful: false, close: true });
  if (version < header.jobSchemaVersion)
    throw new SnapshotError(
      `The file's job tables are pg-boss schema ${header.jobSchemaVersion}; this build's pg-boss makes ${version}. ` +
        'Upgrade this install to the version that wrote the file, then import again (the target is still empty).',
    );
}

/** Loads without foreign-key checks or triggers when allowed (superuser); else the FK-safe order must do. */
async function tryReplicaMode(client: pg.PoolClient): Promise<boolean> {
  await client.query('SAVEPOINT replica');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT replica');
    return false;
  }
}
