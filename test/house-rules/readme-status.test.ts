import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_MODULES } from '../../src/app/capabilities.ts';

// The README's status line is the first thing a newcomer reads: it names every capability this
// build registers, and calls none of them future work.
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const status = (readme.match(/^> Status:[\s\S]*?(?=\n\n)/m)?.[0] ?? '').replace(/\n> /g, ' ');

describe('README status line', () => {
  it('names every registered capability', () => {
    const missing = CAPABILITY_MODULES.map((m) => m.name.replaceAll('-', ' ')).filter(
      (name) => !status.toLowerCase().includes(name),
    );
    expect(status).toMatch(/^> Status: /);
    expect(missing).toEqual([]);
  });

  it('promises nothing as coming', () => {
    expect(status).not.toMatch(/\b(next|coming|soon|planned|not yet)\b/i);
  });
});
