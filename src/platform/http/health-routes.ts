import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Metrics } from '../observability/metrics.ts';
import { problemJson } from './problem.ts';

export interface HealthRoutesDeps {
  metrics: Metrics;
  /** Named dependency checks for /readyz (database, job queue, …). */
  readiness: Record<string, () => Promise<boolean>>;
  version: string;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string | undefined;
}

/** A check that has not answered within this time counts as failing (a hung pool must not hang probes). */
const CHECK_TIMEOUT_MS = 2000;

/** Constant-time check of `Bearer <expected>` (hashes first, so lengths leak nothing either). */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * /healthz (the process answers), /readyz (its dependencies answer) and /metrics (Prometheus):
 * mounted by the HTTP app of `serve`/`start`, and served alone on WORKER_PORT by `worker`.
 */
export function createHealthRoutes(deps: HealthRoutesDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok', version: deps.version }));
  app.get('/readyz', async (c) => {
    const checks = Object.fromEntries(
      await Promise.all(
        Object.entries(deps.readiness).map(async ([name, check]) => {
          const ok = await Promise.race([
            check().catch(() => false),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref()),
          ]);
          return [name, ok ? 'ok' : 'failing'] as const;
        }),
      ),
    );
    const ready = Object.values(checks).every((v) => v === 'ok');
    if (!ready) return problemJson(c, 503, 'not_ready', 'A dependency is not reachable', { checks });
    return c.json({ status: 'ready', checks });
  });
  app.get('/metrics', async (c) => {
    if (deps.metricsToken && !bearerMatches(c.req.header('authorization'), deps.metricsToken))
      return problemJson(c, 401, 'metrics_token_required', 'Send Authorization: Bearer <METRICS_TOKEN>');
    const { registry } = deps.metrics;
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
  });
  return app;
}
