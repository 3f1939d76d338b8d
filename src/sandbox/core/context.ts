import type { UserFromGetMe } from '@grammyjs/types';
import type { UpdateQueue } from '../updates/update-queue.ts';
import type { Clock, SandboxLogger } from './clock.ts';
import type { EventHub } from './event-hub.ts';
import type { SandboxStore } from './store.ts';

export interface WebhookConfig {
  url: string;
  secret_token: string | undefined;
  max_connections: number;
  ip_address: string | undefined;
  last_error_date: number | undefined;
  last_error_message: string | undefined;
}

/** Shared dependencies of every sandbox component (built once per `createSandbox`). */
export interface SandboxContext {
  token: string;
  bot: UserFromGetMe;
  clock: Clock;
  logger: SandboxLogger;
  store: SandboxStore;
  events: EventHub;
  updates: UpdateQueue;
  webhook: { config: WebhookConfig | undefined };
  webAppUrl: string | undefined;
  /** Non-loopback hosts setWebhook may target (the server's own explicit HOST); loopback is always allowed. */
  webhookHosts: readonly string[];
  /** Marks state dirty so the optional state file gets rewritten (debounced). */
  changed(): void;
}
