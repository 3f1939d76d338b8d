import { execFileSync } from 'node:child_process';

/** Debian's Chromium on PATH (never a downloaded browser); `what` names the caller in the error. */
export function chromiumPath(what: string): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH under this name; try the next one
    }
  }
  throw new Error(`Chromium is not installed, so ${what} cannot run: \`apt-get install -y chromium\`.`);
}
