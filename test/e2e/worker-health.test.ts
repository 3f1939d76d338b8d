import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { removeDataDir, tempDataDir } from '../support/data-dirs.ts';
import { type SecretaryProcess, spawnSecretary } from '../support/spawn-secretary.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// A `worker` process has no API but its own listener (WORKER_PORT): health, readiness and the job,
// send and alert figures that only workers produce. What it serves is fed to Prometheus's own rule
// engine (`promtool test rules`, Debian's prometheus package) to see the shipped alert rules fire.
const ROOT = new URL('../../', import.meta.url).pathname;
const RULES = join(ROOT, 'ops/prometheus/alerts.yml');
const PROMETHEUS_CONFIG = join(ROOT, 'ops/prometheus/prometheus.yml');
const METRICS_TOKEN = 'worker-metrics-token-0123456789';
const external = Boolean(process.env.TEST_DATABASE_URL);
const promtool = spawnSync('promtool', ['--version']).status === 0;

const running: SecretaryProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGTERM')));
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A Bot API stand-in that accepts the token until told otherwise, then answers 401 to everything. */
async function telegramStub(): Promise<{ url: string; revokeToken(): void }> {
  let revoked = false;
  const server: Server = createServer((req, res) => {
    const method = req.url?.split('/').at(-1) ?? '';
    const body = revoked
      ? { ok: false, error_code: 401, description: 'Unauthorized' }
      : method === 'getMe'
        ? { ok: true, result: { id: 7000000001, is_bot: true, first_name: 'Stub', username: 'stub_bot' } }
        : method === 'getWebhookInfo'
          ? { ok: true, result: { url: '', has_custom_certificate: false, pending_update_count: 0 } }
          : { ok: true, result: true };
    req.resume();
    req.on('end', () => {
      res.writeHead(revoked ? 401 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, revokeToken: () => (revoked = true) };
}

async function databaseEnv(): Promise<Record<string, string>> {
  const dir = tempDataDir();
  cleanups.push(() => removeDataDir(dir));
  if (!external) return { DATA_DIR: dir };
  const testDb: TestDatabase = await createTestDatabase({ migrate: false });
  cleanups.push(() => testDb.close());
  return {
    DATA_DIR: dir,
    DATABASE_URL: testDb.url,
    ENCRYPTION_KEY: 'worker-health-test-key-0123456789abcdef',
  };
}

const scrape = async (url: string) =>
  (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
const sampleOf = (text: string, series: string) =>
  text
    .split('\n')
    .find((l) => l.startsWith(`${series} `))
    ?.slice(series.length + 1);

/** Scrapes a minute apart as promtool input series (only the families the rules read). */
function inputSeries(scrapes: string[]): string {
  const rules = readFileSync(RULES, 'utf8');
  const read = (text: string) =>
    new Map(
      text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.lastIndexOf(' ')), l.slice(l.lastIndexOf(' ') + 1)] as const),
    );
  const samples = scrapes.map(read);
  const lines: string[] = [];
  for (const series of samples.at(-1)?.keys() ?? []) {
    const family = (series.split('{')[0] ?? '').replace(/_(bucket|sum|count)$/, '');
    if (!rules.includes(family)) continue;
    // `_` is promtool's "no sample": a series born between scrapes did not exist before.
    const values = samples.map((s) => s.get(series) ?? '_').join(' ');
    lines.push(`      - series: '${series}'\n        values: '${values}'`);
  }
  return lines.join('\n');
}

describe(`a worker process (${external ? 'external' : 'embedded'} PostgreSQL)`, () => {
  it('answers its health on WORKER_PORT and serves its job metrics; the alert rules fire from them', async () => {
    const telegram = await telegramStub();
    const env = {
      ...(await databaseEnv()),
      HOST: '127.0.0.1',
      PORT: '0',
      WORKER_PORT: '0',
      METRICS_TOKEN,
      TELEGRAM_BOT_TOKEN: '123456:WORKER-HEALTH-TEST-TOKEN',
      TELEGRAM_API_ROOT: telegram.url,
      ALERT_CHECK_SECONDS: '1',
    };
    const worker = spawnSecretary(['worker'], env);
    running.push(worker);
    const url = await worker.workerUrl(180_000);

    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', jobs: 'ok' },
    });
    expect((await fetch(`${url}/metrics`)).status).toBe(401); // METRICS_TOKEN guards it as on serve

    // Jobs sent by another process are taken and counted by this one.
    const doctor = spawnSecretary(['doctor', '--pings', '5', '--timeout', '30'], env);
    running.push(doctor);
    await doctor.exited;
    const jobs = await scrape(url);
    expect(sampleOf(jobs, 'jobs_processed_total{queue="diagnostics.ping",outcome="completed"}')).toBe('5');
    expect(jobs).toMatch(/^job_lag_seconds_count\{queue="diagnostics.ping"\} 5$/m);

    // The baseline: the worker leads the alert checks and Telegram accepts the token.
    await vi.waitFor(
      async () =>
        expect(await scrape(url)).toMatch(/^telegram_requests_total\{method="getMe",outcome="ok"\} /m),
      { timeout: 30_000, interval: 250 },
    );
    const before = await scrape(url);
    telegram.revokeToken();
    await vi.waitFor(
      async () =>
        expect(sampleOf(await scrape(url), 'secretary_alert_firing{alert="telegram_token"}')).toBe('1'),
      { timeout: 30_000, interval: 250 },
    );
    const unauthorized = 'telegram_requests_total{method="getMe",outcome="unauthorized"}';
    const firing = await scrape(url);
    const firstCount = Number(sampleOf(firing, unauthorized));
    expect(firstCount).toBeGreaterThan(0);
    // Prometheus sees a counter's rise only between two samples of it: scrape again after the next 401.
    await vi.waitFor(
      async () => expect(Number(sampleOf(await scrape(url), unauthorized))).toBeGreaterThan(firstCount),
      { timeout: 30_000, interval: 250 },
    );
    const later = await scrape(url);
    if (!promtool) return; // the rule evaluation below needs promtool (apt install prometheus)

    const dir = mkdtempSync(join(tmpdir(), 'worker-rules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const test = join(dir, 'worker.test.yml');
    writeFileSync(
      test,
      `rule_files: ['${RULES}']
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
${inputSeries([before, firing, later])}
    alert_rule_test:
      - { eval_time: 0m, alertname: SecretaryTelegramTokenRejected, exp_alerts: [] }
      - { eval_time: 0m, alertname: SecretaryAlertFiring, exp_alerts: [] }
      - eval_time: 2m
        alertname: SecretaryTelegramTokenRejected
        exp_alerts:
          - exp_labels: { severity: critical }
            exp_annotations:
              summary: 'Telegram answers 401: the bot token is wrong or revoked'
              description: 'Set a valid TELEGRAM_BOT_TOKEN and restart.'
      - eval_time: 2m
        alertname: SecretaryAlertFiring
        exp_alerts:
          - exp_labels: { severity: critical, alert: telegram_token }
            exp_annotations: { summary: 'Secretary reports telegram_token (its admins were told in Telegram)' }
`,
    );
    const result = spawnSync('promtool', ['test', 'rules', test], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}\n${readFileSync(test, 'utf8')}`).toBe(0);
  }, 420_000);

  it.skipIf(!promtool)('the Prometheus config and its rules are valid (promtool check config)', () => {
    const result = spawnSync('promtool', ['check', 'config', PROMETHEUS_CONFIG], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const config = readFileSync(PROMETHEUS_CONFIG, 'utf8');
    // Both roles are scraped: serve on PORT, every worker on WORKER_PORT.
    expect(config).toMatch(/job_name: secretary-serve[\s\S]*port: 3000/);
    expect(config).toMatch(/job_name: secretary-worker[\s\S]*port: 3001/);

    // The last worker stops answering: "no worker" fires after its 2 minutes, not before.
    const dir = mkdtempSync(join(tmpdir(), 'worker-rules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const test = join(dir, 'no-worker.test.yml');
    writeFileSync(
      test,
      `rule_files: ['${RULES}']
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - { series: 'up{job="secretary-worker",instance="worker-1:3001"}', values: '1 1 0 0 0 0' }
      - { series: 'up{job="secretary-serve",instance="serve-1:3000"}', values: '1 1 1 1 1 1' }
    alert_rule_test:
      - { eval_time: 3m, alertname: SecretaryNoWorker, exp_alerts: [] }
      - eval_time: 5m
        alertname: SecretaryNoWorker
        exp_alerts:
          - exp_labels: { severity: critical }
            exp_annotations:
              summary: 'No worker process is up: replies, reminders and notifications wait in the queue'
              description: 'Start a worker (\`secretary worker\`, or the compose service \`worker\`).'
      - eval_time: 5m
        alertname: SecretaryProcessDown
        exp_alerts:
          - exp_labels: { severity: warning, job: secretary-worker, instance: 'worker-1:3001' }
            exp_annotations: { summary: 'secretary-worker at worker-1:3001 does not answer /metrics' }
`,
    );
    const rules = spawnSync('promtool', ['test', 'rules', test], { encoding: 'utf8' });
    expect(rules.status, `${rules.stdout}${rules.stderr}`).toBe(0);
  });
});
