// The Mini App's API types are generated, never hand-written: web/src/api-types.ts must be what
// openapi-typescript makes of the committed docs/openapi.json (which the contract test keeps equal
// to the served document), and a response field that changes there must break the web typecheck.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = join(ROOT, 'web');
const TYPES = join(WEB, 'src', 'api-types.ts');
const work = mkdtempSync(join(tmpdir(), 'secretary-api-types-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The web project copied to a scratch folder (sharing web/node_modules), optionally edited. */
function webCopy(name: string, edit?: (types: string) => string): string {
  const dir = join(work, name);
  cpSync(join(WEB, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(WEB, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(WEB, 'node_modules'), join(dir, 'node_modules'));
  if (edit) {
    const file = join(dir, 'src', 'api-types.ts');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}

/** `tsc --noEmit` over a web copy with the same compiler `npm run typecheck` uses. */
const typecheck = (dir: string) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir], {
    encoding: 'utf8',
  });

describe('web/src/api-types.ts', () => {
  it('is what `npm run api:types` generates from docs/openapi.json', () => {
    const generated = join(work, 'generated.ts');
    execFileSync(
      process.execPath,
      [
        join(WEB, 'node_modules/openapi-typescript/bin/cli.js'),
        join(ROOT, 'docs/openapi.json'),
        '-o',
        generated,
      ],
      { stdio: 'pipe' },
    );
    // Formatted as the script formats it: Biome with the project's settings.
    const formatted = execFileSync(
      join(ROOT, 'node_modules/.bin/biome'),
      ['format', '--stdin-file-path', 'web/src/api-types.ts'],
      { cwd: ROOT, input: readFileSync(generated), encoding: 'utf8' },
    );
    expect(formatted === readFileSync(TYPES, 'utf8'), 'stale: run `npm run api:types`').toBe(true);
  });

  it('a renamed response field fails the web typecheck where the Mini App reads it', () => {
    expect(typecheck(webCopy('as-is')).status, 'the web project typechecks as it is').toBe(0);
    // The drifted fixture: the server now answers a task's `title` as `name`.
    const drifted = webCopy('drifted', (types) => {
      const start = types.indexOf('    Task: {');
      const end = types.indexOf('\n    };', start);
      expect(start).toBeGreaterThan(0);
      const task = types.slice(start, end);
      expect(task).toContain('      title: string;');
      return (
        types.slice(0, start) + task.replace('      title: string;', '      name: string;') + types.slice(end)
      );
    });
    const result = typecheck(drifted);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /src\/pages\/task-row\.tsx\(\d+,\d+\): error TS2339: Property 'title' does not exist/,
    );
  });
});
