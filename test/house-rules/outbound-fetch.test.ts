import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue #29: a URL a person supplied (a link, a push endpoint) is fetched only through
// src/platform/outbound/safe-fetch.ts. Any other outbound request in src must be to an address
// the operator configured, and is listed here with that reason; a new one fails this rule until
// it uses safeFetch or is listed.

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIGURED_ONLY: Record<string, string> = {
  'src/platform/outbound/safe-fetch.ts': 'the safe fetch itself',
  'src/platform/outbound/outbound.ts': 'SMS_WEBHOOK_URL, set by the operator',
  'src/platform/telegram/telegram-actions.ts': 'the Telegram API root (config), a file Telegram named',
  'src/platform/telegram/telegram-fetch.ts': 'the Telegram API root (config)',
  'src/capabilities/booking/web/push-client.ts': 'browser script posting to its own origin',
};
// The local Telegram stand-in (development only) fetches as Telegram would; test servers serve.
const EXEMPT_DIRS = ['src/sandbox/', 'src/platform/ai/testing/'];

const OUTBOUND = [
  /(^|[^.\w])fetch\(/,
  /^import (?!type)[^;]*from 'node:(http|https|http2)'/m,
  /from 'undici'/,
];

describe('outbound requests', () => {
  it("go through the SSRF-safe fetch unless they reach an operator's configured address", () => {
    const offenders = readdirSync(join(ROOT, 'src'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)))
      .filter((path) => !path.includes('/tests/') && !EXEMPT_DIRS.some((d) => path.startsWith(d)))
      .filter((path) => !(path in CONFIGURED_ONLY))
      .filter((path) => {
        const text = readFileSync(join(ROOT, path), 'utf8');
        return OUTBOUND.some((pattern) => pattern.test(text));
      })
      .map((path) => `${path}: fetch person-supplied URLs with safeFetch (platform/outbound/safe-fetch.ts)`);
    expect(offenders).toEqual([]);
  });

  it('each listed exception still makes the request it is listed for', () => {
    for (const path of Object.keys(CONFIGURED_ONLY)) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      expect(OUTBOUND.some((p) => p.test(text)) || /https?\.request|request\(/.test(text), path).toBe(true);
    }
  });
});
