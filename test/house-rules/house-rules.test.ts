import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules (STYLE.md), checked over the source as examples to follow: each failure names
// the file and says what to do instead.

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string, match: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(match);
}

const sourceFiles = files(SRC, (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('/tests/'));
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );
const capabilityOf = (path: string) => /src\/capabilities\/([^/]+)\//.exec(path)?.[1] ?? null;

describe('house rules', () => {
  it('a capability imports no other capability (it declares a `need` instead)', () => {
    const crossings = sourceFiles.flatMap((file) => {
      const own = capabilityOf(file);
      if (!own) return [];
      return importsOf(file)
        .filter((target) => {
          const other = capabilityOf(target);
          return other !== null && other !== own;
        })
        .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    });
    expect(crossings).toEqual([]);
  });

  it('"now" comes from the clock: no `new Date()` in capabilities or the bot', () => {
    const offenders = sourceFiles
      .filter((f) => /src\/(capabilities|bot)\//.test(f))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, n: i + 1 }))
          .filter(({ line }) => /new Date\(\)|Date\.now\(\)/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line))
          .map(({ n }) => `${relative(ROOT, file)}:${n} — use deps.now() / ctx.services.now()`),
      );
    expect(offenders).toEqual([]);
  });

  it('every locale directory has the same keys in en and ru', () => {
    const dirs = files(ROOT, (p) => p.endsWith('/en.ftl') && !p.includes('node_modules')).map(dirname);
    expect(dirs.length).toBeGreaterThan(3);
    const keys = (dir: string, language: string) =>
      new Set(
        [...readFileSync(join(dir, `${language}.ftl`), 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map(
          (m) => m[1],
        ),
      );
    const gaps = dirs.flatMap((dir) => {
      const en = keys(dir, 'en');
      const ru = keys(dir, 'ru');
      return [
        ...[...en].filter((k) => !ru.has(k)).map((k) => `${relative(ROOT, dir)}: "${k}" missing in ru.ftl`),
        ...[...ru].filter((k) => !en.has(k)).map((k) => `${relative(ROOT, dir)}: "${k}" missing in en.ftl`),
      ];
    });
    expect(gaps).toEqual([]);
  });

  it("a capability's locale keys start with its name (so two never collide)", () => {
    const stray = files(join(SRC, 'capabilities'), (p) => p.endsWith('.ftl')).flatMap((file) => {
      const name = capabilityOf(file) as string;
      const prefix = name === 'smart-inbox' ? 'inbox' : name;
      return [...readFileSync(file, 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)]
        .map((m) => m[1] as string)
        .filter((key) => !key.startsWith(`${prefix}-`))
        .map((key) => `${relative(ROOT, file)}: ${key}`);
    });
    expect(stray).toEqual([]);
  });

  it("only the pg-boss adapter (src/platform/jobs/pg-boss/) touches pg-boss's internals or its tables", () => {
    const adapter = join(SRC, 'platform/jobs/pg-boss/');
    const touching = sourceFiles
      .filter((file) => !file.startsWith(adapter))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
          // Code, not comments: an import of pg-boss/dist/…, or SQL naming a pgboss.* table or function.
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line))
          .filter(({ line }) => /pg-boss\/dist|\bpgboss\.[a-z_]+\s*(\(|\b(?!'))/.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()} — move it into the adapter`),
      );
    expect(touching).toEqual([]);
  });
});
