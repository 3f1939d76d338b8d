import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds the encryption key, the embedded database and the sandbox state: nobody but the
 * owner may read it. `mkdir`'s mode is masked by the umask and ignored for existing directories,
 * and some writers chmod their files themselves, so modes are set explicitly after the fact.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and parents) if needed and makes it 0700. Returns `dir`. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Writes a file readable only by its owner (0600), whatever the umask. */
export function writePrivateFile(
  path: string,
  data: string | Uint8Array,
  options: { flag?: string } = {},
): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE, flag: options.flag ?? 'w' });
  chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Creates `path` with `data` (0600) unless it exists, and returns what the file holds: `data`, or
 * the content another process wrote first. The data goes to a private temporary file, is synced,
 * then hard-linked into place — `link` fails if the name exists, and a reader never sees a partial
 * file (an exclusive `open` + `write` leaves an empty file visible between the two; a second
 * process starting in that instant read it as "Unexpected end of JSON input").
 */
export function createPrivateFileOnce(path: string, data: string): { content: string; created: boolean } {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, PRIVATE_FILE_MODE);
  try {
    for (;;) {
      try {
        linkSync(temp, path);
        return { content: data, created: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      try {
        return { content: readFileSync(path, 'utf8'), created: false };
      } catch (error) {
        // Removed between our link and our read (a lock released): try to create it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Makes every directory under `root` 0700 and every file 0600 (symlinks are left alone). */
export function tightenTree(root: string): void {
  const stat = lstatSync(root, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(root, PRIVATE_FILE_MODE);
    return;
  }
  if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(root, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(root)) tightenTree(join(root, entry));
}
