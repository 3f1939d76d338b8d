import type { OpenAPIHono } from '@hono/zod-openapi';
import type { BotFeature } from '../bot/bot-feature.ts';
import type { Ai } from '../platform/ai/index.ts';
import type { Database, Db, Tx } from '../platform/db/database.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { JobQueue, QueueDefinition } from '../platform/jobs/job-queue.ts';
import type { Logger } from '../platform/observability/logger.ts';
import type { NotifyMessage } from '../platform/telegram/index.ts';
import type { UserService } from '../platform/users/user-service.ts';

/** Sends a Telegram message as a durable job (retried, dead-lettered); pass `tx` to commit it with a write. */
export type NotifyFn = (
  message: NotifyMessage,
  options?: { tx?: Tx; startAfter?: Date },
) => Promise<string | null>;

/** What every capability may use. Capabilities talk to each other only through exported services. */
export interface CapabilityDeps {
  database: Database;
  db: Db;
  jobs: JobQueue;
  notify: NotifyFn;
  users: UserService;
  ai: Ai;
  /** The clock; tests drive it (pg-boss TestClock), so never call `new Date()` for "now". */
  now: () => Date;
  logger: Logger;
}

/**
 * One vertical slice: its queues (known before anything starts) and a factory for the rest.
 * `Services` are other capabilities' services it needs (wired in src/app/capabilities.ts);
 * `Exposed` is what it offers them.
 */
export interface CapabilityModule<Services = Record<string, never>, Exposed = unknown> {
  name: string;
  /** Declared before the job runtime starts (pg-boss queues are created at startup). */
  queues: QueueDefinition[];
  create(deps: CapabilityDeps, services: Services): Capability<Exposed>;
}

/** A running capability: API resources, bot feature, job workers, and its service for others. */
export interface Capability<Exposed = unknown> {
  name: string;
  service?: Exposed;
  /** Mounted under /api/v1 behind bearer auth (`c.get('user')` is the caller). */
  api?: Array<{ path: string; app: OpenAPIHono<AppEnv> }>;
  bot?: BotFeature;
  /** Registers job handlers and schedules; called in processes with the worker role. */
  startWorkers?(): Promise<void>;
}
