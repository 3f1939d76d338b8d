#!/usr/bin/env node
// Runs a command with a Node.js that can execute the TypeScript sources directly (type stripping).
// Node >= 22.18 strips types by default; 22.12–22.17 needs a flag; anything older gets Node 24
// fetched once from the npm registry into .tools/node24-bin (the machine this grew up on has Node 20).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const env = { ...process.env };

function localNode24() {
  // The per-platform package carries the binary itself; `node@24` runs an install script that
  // downloads it, which npm's install-script policy blocks.
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(root, '.tools', 'node24-bin');
  const bin = join(dir, 'node_modules', pkg, 'bin');
  if (!existsSync(join(bin, 'node'))) {
    process.stderr.write(
      `Node ${process.versions.node} is too old; fetching Node 24 (${pkg}) from the npm registry into .tools/node24-bin…\n`,
    );
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', `${pkg}@24`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return bin;
}

if (major < 22 || (major === 22 && minor < 12)) {
  const bin = localNode24();
  env.PATH = `${bin}:${join(root, 'node_modules', '.bin')}:${env.PATH ?? ''}`;
} else {
  env.PATH = `${dirname(process.execPath)}:${join(root, 'node_modules', '.bin')}:${env.PATH ?? ''}`;
  if (major === 22 && minor < 18)
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --experimental-strip-types`.trim();
}

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  process.stderr.write('usage: with-node.mjs <command> [args...]\n');
  process.exit(2);
}
const child = spawn(cmd, args, { stdio: 'inherit', env, cwd: process.cwd() });
// A terminal's Ctrl-C (and systemd's, tmux's stop) signals the whole process group, so the child
// usually has this signal already; passing it on once more is harmless because the app treats a
// second signal during its shutdown as a repeat. A signal sent to this process alone must reach it.
const forward = (signal) => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // Die of the same signal, as a shell expects; our handlers would only catch it again.
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
  process.kill(process.pid, signal);
});
