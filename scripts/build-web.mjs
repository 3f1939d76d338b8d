#!/usr/bin/env node
// Installs and builds the Mini App (web/ → web/dist), which the server serves under /app.
// Run by the root `npm install` (the `prepare` script) and by `npm run build:web`. web/ is its own
// npm package with its own lock file: React's peer ranges and the server tree do not share one.
// Safe to run again (npm install and vite build are idempotent), never reads stdin, and always
// installs web/'s dev dependencies (Vite) even when the root install omits dev dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

if (process.env.SECRETARY_SKIP_WEB_BUILD === '1') {
  process.stdout.write(
    'SECRETARY_SKIP_WEB_BUILD=1: the Mini App (web/) is not built; /app says how to build it.\n',
  );
  process.exit(0);
}
if (!existsSync(join(web, 'package.json'))) process.exit(0); // an image or package without web/

// The npm that runs this script (npm_execpath) installs web/ too; plain `npm` otherwise.
const npm = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];
// Settings of the outer install must not leak in: `--omit=dev` would drop Vite, a global or
// prefix flag would install somewhere else.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^npm_config_(omit|only|production|global|prefix|dry_run|ignore_scripts)$/i.test(name),
  ),
);
// A production bundle whatever the outer NODE_ENV (development would ship React's dev build);
// `--include=dev` below still installs Vite under NODE_ENV=production.
env.NODE_ENV = 'production';

function run(args, what) {
  const [cmd, ...rest] = npm;
  const result = spawnSync(cmd, [...rest, ...args], {
    cwd: web,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write(
      `\nCould not ${what} (exit ${result.status ?? result.signal}). The server still runs; /app will say the Mini App is not built.\n` +
        'Fix the error above, then run `npm run build:web`. Set SECRETARY_SKIP_WEB_BUILD=1 to skip this step.\n',
    );
    process.exit(1);
  }
}

run(['install', '--no-audit', '--no-fund', '--include=dev'], 'install the Mini App dependencies (web/)');
run(['run', 'build'], 'build the Mini App (web/)');
