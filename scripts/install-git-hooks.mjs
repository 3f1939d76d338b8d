#!/usr/bin/env node
// Installs the git hooks of lefthook.yml (format + lint of staged files) into this clone; run by
// the root `npm install` (the `prepare` script). It never fails an install: it skips, with one
// line saying why, in CI (CI=true, as lefthook's own postinstall does), outside a git work tree (an
// npm tarball, a Docker build without .git) and where lefthook is not installed (--omit=dev).
// lefthook's postinstall does the same when npm runs dependency scripts; this covers installs that
// deny them (npm's allowScripts policy).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const enabled = (value) => Boolean(value) && value !== '0' && value !== 'false';
const skip = (why) => {
  process.stdout.write(`git hooks not installed: ${why}\n`);
  process.exit(0);
};

if (enabled(process.env.CI)) skip('CI is set');
const inRepo = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
if (inRepo.error || inRepo.status !== 0 || inRepo.stdout.trim() !== 'true') skip('not a git work tree');
const lefthook = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'lefthook.cmd' : 'lefthook',
);
if (!existsSync(lefthook)) skip('lefthook is not installed (dev dependencies omitted)');

const result = spawnSync(lefthook, ['install'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  process.stderr.write(
    `\`lefthook install\` failed (exit ${result.status ?? result.error?.message}); commits are not checked ` +
      'before they are made. Run `npx lefthook install` after fixing the error above.\n',
  );
}
