// The Mini App's first load stays small: every script index.html loads (entry and modulepreloads)
// at most 200 KB gzipped. Reads the build `npm install` made (web/dist).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const BUDGET = 200 * 1024;

describe('Mini App bundle', () => {
  it('loads at most 200 KB of JavaScript gzipped on the first visit of /app', () => {
    const index = join(DIST, 'index.html');
    expect(existsSync(index), 'web/dist is missing: run `npm install` or `npm run build:web`').toBe(true);
    const html = readFileSync(index, 'utf8');
    const scripts = [
      ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g),
    ]
      .map((m) => m[1] as string)
      .filter((src) => src.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => {
      expect(src.startsWith('/app/assets/'), `${src} is served from /app/assets/`).toBe(true);
      return {
        src,
        gzipped: gzipSync(readFileSync(join(DIST, src.slice('/app/'.length))), { level: 9 }).length,
      };
    });
    const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    expect(total, `first-load JS ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(BUDGET);
  });
});
