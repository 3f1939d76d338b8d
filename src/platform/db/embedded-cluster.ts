import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import {
  blockingDir,
  type ClusterPaths,
  clusterPaths,
  ensureReachable,
  giveToServer,
  readPostmasterPid,
  SERVER_DATABASE,
  SERVER_ROLE,
  type ServerUser,
  serverPassword,
  serverSettings,
  serverUser,
  socketUrl,
} from './cluster-files.ts';
import { pidAlive } from './file-lock.ts';
import { type PostgresBinaries, postgresBinaries, relocatedBinaries } from './postgres-binaries.ts';

const run = promisify(execFile);

export class EmbeddedServerError extends Error {
  readonly code = 'embedded_server_failed';
}

/** A started (or found running) embedded PostgreSQL in a DATA_DIR. */
export interface EmbeddedCluster {
  paths: ClusterPaths;
  /** Connection string for a database of the cluster over its unix socket. */
  url(database?: string, app?: string): string;
  /** pid of the running postmaster. */
  pid(): number | null;
  /** Starts the server unless it runs; initialises the cluster first when DATA_DIR has none. */
  ensureRunning(): Promise<'started' | 'running' | 'created'>;
  /** pg_ctl stop -m fast: disconnects clients, checkpoints, exits. */
  stop(): Promise<void>;
}

export function embeddedCluster(
  dataDir: string,
  options: { durable?: boolean; logger: Logger },
): EmbeddedCluster {
  const paths = clusterPaths(dataDir);
  const log = options.logger.child({ component: 'embedded-postgres' });
  let bins: PostgresBinaries | null = null;
  let user: ServerUser | undefined;
  const setup = () => {
    user ??= serverUser();
    if (!bins) {
      bins = postgresBinaries();
      // As root, the `postgres` account must be able to run them; a home-directory checkout is 0700.
      if (user && blockingDir(bins.native, user)) {
        ensureReachable(paths, user);
        bins = relocatedBinaries(bins, paths.root, user);
      }
    }
    return { bins, user };
  };
  // As root the server's programs run under the `postgres` account. pg_ctl puts the postmaster in
  // its own session, so a Ctrl-C meant for the app never reaches the server before the app stopped,
  // and a killed app leaves it running for the next start to find.
  const exec = async (file: string, args: string[]) => {
    const { user: u } = setup();
    try {
      return await run(file, args, {
        ...(u ? { uid: u.uid, gid: u.gid } : {}),
        cwd: paths.root,
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
        timeout: 120_000,
      });
    } catch (error) {
      const e = error as Error & { stderr?: string; stdout?: string };
      throw new EmbeddedServerError(
        `${file.split('/').at(-1)} failed: ${(e.stderr || e.stdout || e.message).trim()}${startupLogTail()}`,
      );
    }
  };
  const startupLogTail = () => {
    const file = join(paths.cluster, 'startup.log');
    if (!existsSync(file)) return '';
    const tail = readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');
    return tail ? `\nserver log (${file}):\n${tail}` : '';
  };
  let password: string | null = null;

  const running = (): number | null => {
    const found = readPostmasterPid(paths.cluster);
    if (!found || !pidAlive(found.pid)) return null;
    // After a reboot the old pid may belong to an unrelated program: then the file is stale.
    const comm = readFileSafe(`/proc/${found.pid}/comm`);
    return comm === null || comm.trim() === 'postgres' ? found.pid : null;
  };

  const initialise = async () => {
    const { bins: b, user: u } = setup();
    mkdirSync(paths.cluster, { recursive: true, mode: 0o700 });
    if (readdirSync(paths.cluster).length > 0) {
      throw new EmbeddedServerError(
        `${paths.cluster} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away.`,
      );
    }
    giveToServer(paths.cluster, u);
    serverPassword(paths, u);
    log.info({ dir: paths.cluster }, 'creating the embedded PostgreSQL cluster');
    await exec(b.initdb, [
      `--pgdata=${paths.cluster}`,
      `--username=${SERVER_ROLE}`,
      `--pwfile=${paths.password}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider gives C.UTF-8 without depending on the OS's installed locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
    ]);
    appendFileSync(join(paths.cluster, 'postgresql.conf'), "\ninclude_if_exists = 'secretary.conf'\n");
  };

  const start = async () => {
    const { bins: b, user: u } = setup();
    const settings = join(paths.cluster, 'secretary.conf');
    writeFileSync(settings, serverSettings(paths, options.durable !== false), { mode: 0o600 });
    giveToServer(settings, u);
    if (paths.socketDir !== paths.cluster) {
      mkdirSync(paths.socketDir, { recursive: true, mode: 0o700 });
      giveToServer(paths.socketDir, u);
    }
    await exec(b.pgCtl, [
      'start',
      '-D',
      paths.cluster,
      '-l',
      join(paths.cluster, 'startup.log'),
      '-w',
      '-t',
      '60',
    ]);
  };

  return {
    paths,
    url(database = SERVER_DATABASE, app = 'secretary') {
      password ??= readFileSync(paths.password, 'utf8').trim();
      const socketDir = readPostmasterPid(paths.cluster)?.socketDir ?? paths.socketDir;
      return socketUrl(socketDir, password, database, app);
    },
    pid: running,
    async ensureRunning() {
      const { user: u } = setup();
      ensureReachable(paths, u);
      const created = !existsSync(join(paths.cluster, 'PG_VERSION'));
      if (created) await initialise();
      if (running() !== null) return 'running';
      // A postmaster killed with -9 leaves its backends for a moment; they exit once they notice.
      for (let attempt = 1; ; attempt++) {
        try {
          await start();
          break;
        } catch (error) {
          if (attempt >= 10 || !/shared memory block is still in use|already exists/.test(String(error)))
            throw error;
          log.warn({ attempt }, 'the previous server is still shutting down; retrying');
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
      await ensureDatabase(this.url('postgres', 'secretary-setup'));
      return created ? 'created' : 'started';
    },
    async stop() {
      if (running() === null) return;
      await exec(setup().bins.pgCtl, ['stop', '-D', paths.cluster, '-m', 'fast', '-w', '-t', '60']);
    },
  };
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [SERVER_DATABASE]);
    if (rows.length === 0) await client.query(`CREATE DATABASE ${SERVER_DATABASE}`);
  } finally {
    await client.end();
  }
}

function readFileSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
