import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const DASHBOARD = `${ROOT}ops/grafana/secretary.json`;
const RULES = `${ROOT}ops/prometheus/alerts.yml`;

/** Words of PromQL that are not metric names. */
const KEYWORDS = new Set(
  'by without on ignoring group_left group_right bool offset and or unless inf nan'.split(' '),
);

/** Series Prometheus writes itself for every target (not on any /metrics). */
const PROMETHEUS_OWN = new Set(['up']);

/** The metric names a PromQL expression reads (functions, labels, durations and strings removed). */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const isFunction = stripped
      .slice((m.index ?? 0) + m[0].length)
      .trimStart()
      .startsWith('(');
    if (!isFunction && !KEYWORDS.has(m[0].toLowerCase())) names.add(m[0]);
  }
  return [...names];
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    panels: Array<{ targets?: Array<{ expr: string }> }>;
  };
  return dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
}

function ruleExpressions(): string[] {
  return [...readFileSync(RULES, 'utf8').matchAll(/^\s*expr:\s*(.+)$/gm)].map((m) => (m[1] ?? '').trim());
}

/** Metric families on /metrics (name → type) and every sample line's name with labels. */
function parseExposition(text: string) {
  const families = new Map<string, string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) families.set(m[1] as string, m[2] as string);
  const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
  return { families, samples };
}

/** A queried name exists when it is a family, or a histogram's/summary's _bucket/_sum/_count series. */
function exists(name: string, families: Map<string, string>): boolean {
  if (families.has(name)) return true;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return base !== name && ['histogram', 'summary'].includes(families.get(base) ?? '');
}

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
}, 60_000);
afterAll(() => t?.close());

describe('the Grafana dashboard and the Prometheus rules', () => {
  it('read names out of PromQL', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, queue) (rate(job_lag_seconds_bucket{queue=~"a|b"}[$__rate_interval])))',
      ),
    ).toEqual(['job_lag_seconds_bucket']);
    expect(metricNames('max by (queue) (delta(job_dead_letters[15m])) > 0 and on (x) up')).toEqual([
      'job_dead_letters',
      'up',
    ]);
  });

  it('query only metrics that /metrics serves (after an update, a job and an HTTP call)', async () => {
    const user = await t.sb.user('Dana', { first_name: 'Dana', language_code: 'en' });
    await user.send('/start');
    await user.privateChat().nextMessage();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    const scrape = async () => parseExposition(await (await fetch(`${t.url}/metrics`)).text());
    // The update's job settles right after the reply went out; wait for its sample, not a clock.
    await vi.waitFor(
      async () =>
        expect((await scrape()).samples.join('\n')).toMatch(
          /^job_duration_seconds_count\{queue="telegram.updates",outcome="completed"\} [1-9]/m,
        ),
      { timeout: 15_000, interval: 100 },
    );
    const { families, samples } = await scrape();
    const all = samples.join('\n');

    const queried = [...new Set([...dashboardExpressions(), ...ruleExpressions()].flatMap(metricNames))];
    expect(queried.length).toBeGreaterThan(15);
    expect(queried.filter((name) => !exists(name, families) && !PROMETHEUS_OWN.has(name))).toEqual([]);

    // What this test caused is in the series, not only declared.
    expect(all).toMatch(/^telegram_updates_received_total\{ingress="\w+"\} [1-9]/m);
    expect(all).toMatch(/^telegram_update_ack_seconds_count\{ingress="\w+"\} [1-9]/m);
    expect(all).toMatch(/^job_lag_seconds_count\{queue="telegram.updates"\} [1-9]/m);
    expect(all).toMatch(/^job_queue_jobs\{queue="telegram.updates",state="ready"\} \d/m);
    expect(all).toMatch(/^job_dead_letters\{queue="notify"\} 0/m);
    expect(all).toMatch(/^telegram_requests_total\{method="sendMessage",outcome="ok"\} [1-9]/m);
    expect(all).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/m,
    );
  }, 60_000);
});
