import { Counter, type Registry } from 'prom-client';

export interface TelegramCounters {
  requests: Counter<'method' | 'outcome'>;
  notifications: Counter<'outcome'>;
}

/**
 * The client's counters on `registry`, created once per registry: the API client and the notifier
 * both ask for them and must share the same series.
 */
export function telegramCounters(registry: Registry | undefined): TelegramCounters | undefined {
  if (!registry) return undefined;
  return {
    requests: counter(registry, 'telegram_requests_total', 'Bot API calls by method and outcome', [
      'method',
      'outcome',
    ]),
    notifications: counter(registry, 'notifications_total', 'Notification jobs by outcome', ['outcome']),
  };
}

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]) {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}
