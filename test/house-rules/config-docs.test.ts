import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/platform/config/config.ts';
import { readConfigTable, renderEnvExample } from '../../src/platform/config/env-example.ts';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const rows = readConfigTable(readme);

describe('configuration documentation', () => {
  it('the README table lists every variable the config reads, and nothing else', () => {
    const documented = rows.flatMap((r) => r.names).sort();
    expect(documented).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('.env.example is the one generated from the table (npm run env-example)', () => {
    expect(readFileSync(join(root, '.env.example'), 'utf8')).toBe(renderEnvExample(rows));
  });
});
