#!/usr/bin/env node
// The image's HEALTHCHECK, one for every role: `serve`/`start` answer on PORT, a `worker` on its
// own WORKER_PORT, a one-shot `migrate` has nothing to ask. The role is the command PID 1 runs
// (tini -- node src/cli/main.ts <role>): a check cannot be told its container's CMD otherwise, and
// asking both ports would let a worker pass on a serve's port where containers share the network.
import { readFileSync } from 'node:fs';

const args = readFileSync('/proc/1/cmdline', 'utf8').split('\0');
const role = ['worker', 'migrate'].find((r) => args.includes(r)) ?? 'serve';
if (role === 'migrate') process.exit(0);
const port = role === 'worker' ? (process.env.WORKER_PORT ?? '3001') : (process.env.PORT ?? '3000');
const host =
  !process.env.HOST || ['0.0.0.0', '::'].includes(process.env.HOST) ? '127.0.0.1' : process.env.HOST;
// Ready, not only alive: a process that cannot reach its database or queue is not healthy.
fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/readyz`, {
  signal: AbortSignal.timeout(2500),
})
  .then((response) => {
    if (!response.ok) process.stderr.write(`${role} on :${port}/readyz answered ${response.status}\n`);
    process.exit(response.ok ? 0 : 1);
  })
  .catch((error) => {
    process.stderr.write(`${role} on :${port}/readyz: ${error.message}\n`);
    process.exit(1);
  });
