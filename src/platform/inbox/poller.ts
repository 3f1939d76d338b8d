import { setTimeout as delay } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { type DirectRuns, storeUpdates } from './inbox-store.ts';

export interface Poller {
  stop(): Promise<void>;
}

/**
 * Long polling into the inbox: fetch, store (with jobs, in one transaction), and only then ask for
 * the next offset — which is what confirms the batch to Telegram. A crash between the two makes
 * Telegram send the batch again; storing drops the duplicates.
 */
export function startPoller(deps: {
  api: Api;
  db: Db;
  jobs: JobQueue;
  logger: Logger;
  metrics?: Metrics;
  direct?: () => DirectRuns | null;
  timeoutSeconds?: number;
  /** Only one process may call getUpdates; the caller decides who (see poller-leader.ts). */
  allowedUpdates?: readonly string[];
}): Poller {
  const { api, logger } = deps;
  const controller = new AbortController();
  let offset = 0;
  let backoffMs = 500;
  const loop = (async () => {
    // A webhook left over from another mode would make getUpdates fail with 409.
    await api.deleteWebhook({ drop_pending_updates: false }).catch(() => undefined);
    while (!controller.signal.aborted) {
      try {
        const updates = await api.getUpdates(
          {
            offset,
            limit: 100,
            timeout: deps.timeoutSeconds ?? 25,
            // biome-ignore lint/suspicious/noExplicitAny: grammY types allowed_updates as a literal union.
            ...(deps.allowedUpdates ? { allowed_updates: deps.allowedUpdates as any } : {}),
          },
          // grammY types its signal with the abort-controller polyfill's class; the global one is compatible.
          controller.signal as Parameters<Api['getUpdates']>[1],
        );
        if (updates.length) {
          const started = performance.now();
          await storeUpdates(deps, updates);
          deps.metrics?.updatesReceived.inc({ ingress: 'polling' }, updates.length);
          deps.metrics?.ingressAck.observe({ ingress: 'polling' }, (performance.now() - started) / 1000);
          offset = (updates.at(-1)?.update_id ?? offset) + 1;
        }
        backoffMs = 500;
      } catch (error) {
        if (controller.signal.aborted) break;
        logger.warn({ err: error, retry_in_ms: backoffMs }, 'getUpdates failed; retrying');
        // Abortable: a stop during an outage must not wait out the backoff (up to 30 s).
        await delay(backoffMs, undefined, { signal: controller.signal }).catch(() => undefined);
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
