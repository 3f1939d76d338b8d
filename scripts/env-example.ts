// Writes .env.example from the README's configuration table (see src/platform/config/env-example.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigTable, renderEnvExample } from '../src/platform/config/env-example.ts';

const root = join(import.meta.dirname, '..');
const text = renderEnvExample(readConfigTable(readFileSync(join(root, 'README.md'), 'utf8')));
writeFileSync(join(root, '.env.example'), text);
process.stdout.write(`wrote .env.example (${text.split('\n').length} lines)\n`);
