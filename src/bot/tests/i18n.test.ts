import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../i18n.ts';

const BOT_DIR = new URL('..', import.meta.url).pathname;

function keysOf(language: string): Set<string> {
  const source = readFileSync(join(LOCALES_DIR, `${language}.ftl`), 'utf8');
  return new Set([...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] as string));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'tests' || name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('bot texts', () => {
  const en = keysOf('en');
  const ru = keysOf('ru');

  it('has every key in both languages', () => {
    expect([...en].filter((k) => !ru.has(k))).toEqual([]);
    expect([...ru].filter((k) => !en.has(k))).toEqual([]);
    expect(en.size).toBeGreaterThan(30);
  });

  it('uses only keys that exist', () => {
    const used = sourceFiles(BOT_DIR).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z][a-z0-9-]*)'/g)].map((m) => ({
        file,
        key: m[1] as string,
      })),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => !en.has(u.key))).toEqual([]);
  });

  it("every capability uses only keys that exist (its own locales or the shell's)", () => {
    const capabilities = join(BOT_DIR, '..', 'capabilities');
    const missing = readdirSync(capabilities)
      .filter((name) => statSync(join(capabilities, name)).isDirectory())
      .flatMap((name) => {
        const dir = join(capabilities, name);
        const own = (() => {
          try {
            return readFileSync(join(dir, 'locales', 'en.ftl'), 'utf8');
          } catch {
            return '';
          }
        })();
        const keys = new Set([
          ...en,
          ...[...own.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] as string),
        ]);
        return sourceFiles(dir).flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z][a-z0-9-]*)'/g)]
            .map((m) => m[1] as string)
            .filter((key) => !keys.has(key))
            .map((key) => `${file}: ${key}`),
        );
      });
    expect(missing).toEqual([]);
  });

  it('never sends a literal string to the user (everything goes through t())', () => {
    const offenders = sourceFiles(BOT_DIR).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) =>
          /\b(reply|sendMessage|editMessageText|answerCallbackQuery|requestLocation|InlineKeyboard\.text)\(\s*(\{\s*text:\s*)?['"`]/.test(
            text,
          ),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
