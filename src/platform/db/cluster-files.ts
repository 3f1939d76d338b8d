import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createPrivateFileOnce } from '../fs/private-files.ts';

/** Where the embedded cluster keeps its parts inside DATA_DIR. */
export interface ClusterPaths {
  root: string;
  /** The PostgreSQL data directory (mode 0700, owned by the server's OS user). */
  cluster: string;
  /** The generated password of the `secretary` role (mode 0600). */
  password: string;
  /** Held while the server is started, stopped or imported into. */
  lock: string;
  /** A data directory of the earlier embedded engine (PGlite), imported once. */
  legacyPglite: string;
  /** Where the server's unix socket lives: inside the cluster, or a short path when that is too long. */
  socketDir: string;
}

export const SERVER_ROLE = 'secretary';
export const SERVER_DATABASE = 'secretary';
const SOCKET_PORT = 5432;

export function clusterPaths(dataDir: string): ClusterPaths {
  const root = resolve(dataDir);
  const cluster = join(root, 'postgres');
  // A unix socket path must fit in ~107 bytes; a deep DATA_DIR gets a short, stable one in /tmp.
  const fits = `${cluster}/.s.PGSQL.${SOCKET_PORT}`.length < 100;
  const socketDir = fits
    ? cluster
    : join(tmpdir(), `secretary-pg-${createHash('sha256').update(cluster).digest('hex').slice(0, 12)}`);
  return {
    root,
    cluster,
    socketDir,
    password: join(root, 'postgres.password'),
    lock: join(root, 'postgres.lock'),
    legacyPglite: join(root, 'pgdata'),
  };
}

/** The OS account the server runs as: ourselves, or (PostgreSQL refuses to run as root) `postgres`. */
export type ServerUser = { uid: number; gid: number } | null;

export function serverUser(): ServerUser {
  if (process.getuid?.() !== 0) return null;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    // As root with no `postgres` account yet (a container): create a system account for the server.
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // the group may exist already
    }
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
    return ids();
  }
}

/** Gives a path we created to the server's OS user (no-op when we are that user). */
export function giveToServer(path: string, user: ServerUser): void {
  if (user) chownSync(path, user.uid, user.gid);
}

/**
 * Makes sure the server's OS user can reach the cluster directory: as root, DATA_DIR is shared
 * with the `postgres` group for traversal only (mode g+x, no listing); any other directory on the
 * way must already let it through, or we say which one does not.
 */
export function ensureReachable(paths: ClusterPaths, user: ServerUser): void {
  mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  if (!user) return;
  const root = statSync(paths.root);
  if (root.gid !== user.gid) chownSync(paths.root, root.uid, user.gid);
  if ((root.mode & 0o010) === 0) chmodSync(paths.root, (root.mode & 0o7777) | 0o010);
  const blocked = blockingDir(dirname(paths.root), user);
  if (blocked) {
    // An operator's setup to fix, not a bug: the CLI prints it as one plain line (code below).
    throw Object.assign(
      new Error(
        `The embedded PostgreSQL runs as the OS user "postgres" (it refuses root), which cannot enter ${blocked}. ` +
          `Allow it (chmod o+x ${blocked}) or choose a DATA_DIR outside it.`,
      ),
      { code: 'data_dir_unreachable' },
    );
  }
}

/** The first directory from `path` up to / that the server's OS user cannot pass through, or null. */
export function blockingDir(path: string, user: NonNullable<ServerUser>): string | null {
  for (let dir = path; ; dir = dirname(dir)) {
    const s = statSync(dir);
    const through =
      s.mode & 0o001 || (s.gid === user.gid && s.mode & 0o010) || (s.uid === user.uid && s.mode & 0o100);
    if (!through) return dir;
    if (dir === dirname(dir)) return null;
  }
}

/** The generated password of the `secretary` role, created on first use. */
export function serverPassword(paths: ClusterPaths, user: ServerUser): string {
  if (existsSync(paths.password)) return readFileSync(paths.password, 'utf8').trim();
  const { content, created } = createPrivateFileOnce(
    paths.password,
    `${randomBytes(24).toString('base64url')}\n`,
  );
  if (created) giveToServer(paths.password, user); // initdb reads it as the server's user
  return content.trim();
}

/** Settings we own, rewritten at every start so a new release's settings apply to old clusters. */
export function serverSettings(paths: ClusterPaths, durable: boolean): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const lines = [
    '# Written by Secretary at every start; edit postgresql.conf (after the include) to override.',
    "listen_addresses = ''",
    `unix_socket_directories = ${quote(paths.socketDir)}`,
    'unix_socket_permissions = 0700',
    `port = ${SOCKET_PORT}`,
    'max_connections = 100',
    // Small on purpose: a personal bot's working set is megabytes; the OS page cache does the rest.
    'shared_buffers = 32MB',
    'work_mem = 4MB',
    'maintenance_work_mem = 32MB',
    'effective_cache_size = 256MB',
    'min_wal_size = 32MB',
    'max_wal_size = 256MB',
    'max_worker_processes = 4',
    'max_parallel_workers = 2',
    'max_parallel_workers_per_gather = 1',
    'autovacuum_max_workers = 2',
    'huge_pages = off',
    'jit = off',
    'logging_collector = on',
    "log_directory = 'log'",
    "log_filename = 'postgresql-%a.log'",
    'log_truncate_on_rotation = on',
    'log_rotation_age = 1d',
    'log_rotation_size = 0',
    "timezone = 'UTC'",
  ];
  // Only the test suite's throwaway cluster trades durability for speed; every real one fsyncs.
  if (!durable) lines.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
  return `${lines.join('\n')}\n`;
}

/** Connection string over the unix socket (no TCP listener exists). */
export function socketUrl(socketDir: string, password: string, database: string, app: string): string {
  const host = encodeURIComponent(socketDir);
  return `postgresql://${SERVER_ROLE}:${encodeURIComponent(password)}@${host}/${database}?application_name=${app}`;
}

/** What postmaster.pid says about a running (or crashed) server. */
export function readPostmasterPid(cluster: string): { pid: number; socketDir: string } | null {
  try {
    const lines = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid, socketDir: lines[4]?.trim() || cluster } : null;
  } catch {
    return null;
  }
}
