import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The production container: builds the image from the Dockerfile and runs compose.yaml's stack
// (PostgreSQL, the one-shot `migrate`, `serve`, `worker`), then asks the running stack /healthz and
// /readyz. It needs a container engine that runs and can pull the base images; where there is none
// the test is skipped and its name carries the engine's own error (what `docker info` or
// `podman info` said, or why the base image cannot be had). CONTAINER_ENGINE picks the command,
// e.g. CONTAINER_ENGINE="podman --storage-driver vfs" (default: docker, then podman).
// Where no registry is reachable (this machine), scripts/container-check is the proof instead: it
// builds stand-in base images and runs the same compose.yaml with 2 serve + 2 worker.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROJECT = 'secretary-container-test';
const PORT = process.env.CONTAINER_TEST_PORT ?? '38080';
const BASE_IMAGES = ['node:24-slim', 'postgres:16'];

interface Run {
  status: number | null;
  out: string;
}
function run(command: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const [cmd, ...args] = command;
  const result = spawnSync(cmd as string, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  });
  const out =
    `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { status: result.status, out };
}
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '(no output)';

/** The engine that answers, or why none does (each candidate's own first error line). */
function detectEngine(): { engine: string[] } | { reason: string } {
  const candidates = process.env.CONTAINER_ENGINE
    ? [process.env.CONTAINER_ENGINE.split(/\s+/).filter(Boolean)]
    : [['docker'], ['podman']];
  const failures: string[] = [];
  for (const engine of candidates) {
    const info = run([...engine, 'info'], { timeoutMs: 30_000 });
    if (info.status === 0) {
      // An engine that runs but cannot get the base images cannot build or start the stack.
      for (const image of BASE_IMAGES) {
        if (run([...engine, 'image', 'inspect', image]).status === 0) continue;
        const pull = run([...engine, 'pull', image], { timeoutMs: 300_000 });
        if (pull.status !== 0) {
          failures.push(`${engine.join(' ')} runs but cannot pull ${image}: ${lastErrorLine(pull.out)}`);
          return { reason: failures.join('; ') };
        }
      }
      return { engine };
    }
    failures.push(
      `${engine.join(' ')} info: ${info.out.includes('ENOENT') ? 'not installed' : errorLine(info.out)}`,
    );
  }
  return { reason: failures.join('; ') };
}
/** `docker info` prints the client section before the server's error: show the error. */
const errorLine = (out: string) =>
  out
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /cannot|error|denied|refused|not running|no such/i.test(l)) ?? firstLine(out);
const lastErrorLine = (out: string) =>
  out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /error/i.test(l))
    .at(-1) ?? firstLine(out);

/** `docker compose` (the plugin), else `podman compose` / podman-compose. */
function composeCommand(engine: string[]): string[] {
  if (run([...engine, 'compose', 'version']).status === 0) return [...engine, 'compose'];
  if (run(['podman-compose', 'version']).status === 0) return ['podman-compose'];
  return [...engine, 'compose'];
}

const detected = detectEngine();
const skipReason = 'reason' in detected ? detected.reason : null;
if (skipReason) console.info(`container test skipped: ${skipReason}`);

const composeEnv = {
  COMPOSE_PROJECT_NAME: PROJECT,
  SECRETARY_PORT: PORT,
  ENCRYPTION_KEY: 'container-test-encryption-key-0123456789abcdef',
  // Telegram is not reachable from a test: the app keeps retrying in the background and serves anyway.
  TELEGRAM_BOT_TOKEN: '123456:container-test-token',
  PUBLIC_URL: 'https://secretary.invalid',
};

// compose.yaml hands .env to every app process (env_file): a clone has none, so the test writes
// one from composeEnv and removes it again (never one that was already there).
const ENV_FILE = `${ROOT}.env`;
let wroteEnvFile = false;

afterAll(() => {
  if (wroteEnvFile) rmSync(ENV_FILE, { force: true });
  if ('engine' in detected)
    run([...composeCommand(detected.engine), 'down', '--volumes', '--remove-orphans'], {
      env: composeEnv,
      timeoutMs: 180_000,
    });
});

describe.skipIf(skipReason !== null)(
  `the production container${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    it('builds the image and runs the compose stack: migrate exits 0, serve answers /healthz and /readyz', async () => {
      if (!('engine' in detected)) return;
      const { engine } = detected;
      const build = run([...engine, 'build', '-t', 'secretary:container-test', '.'], { timeoutMs: 900_000 });
      expect(build.status, build.out).toBe(0);
      const size = run([...engine, 'image', 'inspect', 'secretary:container-test', '--format', '{{.Size}}']);
      console.info(`image size: ${(Number(size.out) / 1e6).toFixed(0)} MB`);

      if (!existsSync(ENV_FILE)) {
        wroteEnvFile = true;
        writeFileSync(
          ENV_FILE,
          Object.entries(composeEnv)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
      }
      const compose = composeCommand(engine);
      const up = run([...compose, 'up', '-d', '--build'], { env: composeEnv, timeoutMs: 900_000 });
      expect(up.status, up.out).toBe(0);

      // The stack is up when serve answers; wait for that (bounded), not for a fixed time.
      const url = `http://127.0.0.1:${PORT}`;
      const deadline = Date.now() + 300_000;
      let health: Response | null = null;
      while (Date.now() < deadline) {
        health = await fetch(`${url}/healthz`).catch(() => null);
        if (health?.ok) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      const logs = () => run([...compose, 'logs', '--no-color'], { env: composeEnv }).out;
      expect(health?.status, logs()).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status, logs()).toBe(200);
      const migrate = run([...compose, 'ps', '--all', '--format', '{{.Service}} {{.State}} {{.ExitCode}}'], {
        env: composeEnv,
      });
      expect(migrate.out).toMatch(/migrate exited 0/i);
    }, 1_800_000);
  },
);
