import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobsProcessed: Counter<'queue' | 'outcome'>;
  /** How long one job's handler ran, by queue and outcome. */
  jobDuration: Histogram<'queue' | 'outcome'>;
  /** How late a job was picked up: now − its start_after. */
  jobLag: Histogram<'queue'>;
  /** Telegram updates stored in the inbox, by ingress (webhook | polling). */
  updatesReceived: Counter<'ingress'>;
  /** From receiving updates to having stored them (the moment they may be acknowledged). */
  ingressAck: Histogram<'ingress'>;
  aiCalls: Counter<'provider' | 'outcome'>;
  aiTokens: Counter<'provider' | 'direction'>;
  /** 1 while the provider's circuit breaker is open (calls are served offline). */
  aiCircuitOpen: Gauge<'provider' | 'engine'>;
  /** 1 while an operator alert is firing. */
  alertFiring: Gauge<'alert'>;
}

/** What a queue holds right now (from pg-boss's own per-queue counters). */
export interface QueueCounts {
  queue: string;
  ready: number;
  deferred: number;
  active: number;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** One registry per process (no global default registry, so tests can build many). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  // prom-client samples event-loop delay with a 10 ms timer by default: 100 wake-ups a second of an
  // otherwise idle process. Every 250 ms still catches any stall (a late timer records its delay).
  if (options.defaultMetrics !== false)
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 250 });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    jobsProcessed: new Counter({
      name: 'jobs_processed_total',
      help: 'Jobs handled, by queue and outcome (completed | failed)',
      labelNames: ['queue', 'outcome'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'job_duration_seconds',
      help: 'Time a job handler ran, by queue and outcome (completed | failed)',
      labelNames: ['queue', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    }),
    jobLag: new Histogram({
      name: 'job_lag_seconds',
      help: 'Delay between a job becoming due (start_after) and a worker picking it up',
      labelNames: ['queue'],
      buckets: LAG_BUCKETS,
      registers,
    }),
    updatesReceived: new Counter({
      name: 'telegram_updates_received_total',
      help: 'Telegram updates stored in the inbox (duplicates included), by ingress',
      labelNames: ['ingress'],
      registers,
    }),
    ingressAck: new Histogram({
      name: 'telegram_update_ack_seconds',
      help: 'From receiving Telegram updates to storing them (when they may be acknowledged)',
      labelNames: ['ingress'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    aiCalls: new Counter({
      name: 'ai_requests_total',
      help: 'Calls to an AI provider by outcome (ok | error | circuit_open | over_cap)',
      labelNames: ['provider', 'outcome'],
      registers,
    }),
    aiTokens: new Counter({
      name: 'ai_tokens_total',
      help: 'Tokens spent at an AI provider, by direction (input | output)',
      labelNames: ['provider', 'direction'],
      registers,
    }),
    aiCircuitOpen: new Gauge({
      name: 'ai_circuit_open',
      help: '1 while the circuit breaker of an AI provider is open (calls served offline)',
      labelNames: ['provider', 'engine'],
      registers,
    }),
    alertFiring: new Gauge({
      name: 'secretary_alert_firing',
      help: '1 while an operator alert is firing (as seen by the process that checks them)',
      labelNames: ['alert'],
      registers,
    }),
  };
}

/**
 * Queue depth and dead-letter sizes as gauges, read from `counts` when scraped. The answer is
 * cached for `cacheMs` (default 5 s): several scrapers (or a fast one) never mean a query each.
 * Dead-letter queues (`<name>.dead`) are reported as `job_dead_letters{queue="<name>"}`.
 */
export function registerQueueGauges(
  metrics: Metrics,
  counts: () => Promise<QueueCounts[]>,
  options: { cacheMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): void {
  const cacheMs = options.cacheMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: { at: number; counts: Promise<QueueCounts[]> } | null = null;
  const read = () => {
    if (!cached || now() - cached.at >= cacheMs) {
      const fresh = counts().catch((error) => {
        options.onError?.(error);
        return [] as QueueCounts[];
      });
      cached = { at: now(), counts: fresh };
    }
    return cached.counts;
  };
  const registers = [metrics.registry];
  new Gauge({
    name: 'job_queue_jobs',
    help: 'Jobs in a queue by state (ready = due now, deferred = due later, active = running)',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      for (const c of await read()) {
        if (c.queue.endsWith('.dead')) continue;
        this.set({ queue: c.queue, state: 'ready' }, c.ready);
        this.set({ queue: c.queue, state: 'deferred' }, c.deferred);
        this.set({ queue: c.queue, state: 'active' }, c.active);
      }
    },
  });
  new Gauge({
    name: 'job_dead_letters',
    help: 'Jobs parked in the dead-letter queue of a queue (failed every retry)',
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset();
      for (const c of await read()) {
        if (c.queue.endsWith('.dead'))
          this.set({ queue: c.queue.slice(0, -'.dead'.length) }, c.ready + c.deferred);
      }
    },
  });
}
