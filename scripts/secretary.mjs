#!/usr/bin/env node
// `secretary` on PATH (npm link / npx): the CLI under a Node that runs TypeScript directly.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  [
    join(root, 'scripts', 'with-node.mjs'),
    'node',
    // V8 otherwise grows the young generation to ~100 MB of mostly empty heap on an idle app.
    '--max-semi-space-size=8',
    join(root, 'src', 'cli', 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
