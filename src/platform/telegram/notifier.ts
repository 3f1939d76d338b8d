import type { Api } from 'grammy';
import type { Database, Tx } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import {
  chatKey,
  MAX_INLINE_MEDIA_BYTES,
  NOTIFY_DEAD_QUEUE,
  NOTIFY_QUEUE,
  type NotifyMessage,
} from './notify-queue.ts';
import { bossDb, createNotifyHandler } from './notify-worker.ts';
import { telegramCounters } from './telegram-metrics.ts';
import type { SendPolicy } from './telegram-transformer.ts';

export interface DeadNotification {
  /** Id of the job in `notify.dead`. */
  id: string;
  message: NotifyMessage;
  error: string | null;
  deadSince: Date;
}

export interface Notifier {
  /**
   * Enqueues a notification; with `tx` it exists only if that transaction commits. Returns the
   * job id. Never sends inline: the worker does, so a crash right after this loses nothing.
   */
  notify(message: NotifyMessage, options?: { tx?: Tx; startAfter?: Date }): Promise<string | null>;
  /** Starts sending (call once per process that should deliver notifications). */
  registerNotifyWorker(options?: { concurrency?: number }): Promise<void>;
  /** Notifications parked after their retries (or a permanent error), oldest first. */
  listDeadLetters(): Promise<DeadNotification[]>;
  /** Puts dead notifications (all, or these ids) back at the end of their chat's queue. Returns how many. */
  replayDeadLetters(options?: { ids?: string[] }): Promise<number>;
}

export function createNotifier(deps: {
  jobs: JobQueue;
  api: Api;
  database: Database;
  logger: Logger;
  metrics?: Metrics | undefined;
  /** Retry policy for sends inside a job (tests shorten it). */
  policy?: SendPolicy;
}): Notifier {
  const { jobs, database } = deps;
  const { boss } = jobs;
  const counters = telegramCounters(deps.metrics?.registry);
  const log = deps.logger.child({ component: 'notify' });

  return {
    async notify(message, options = {}) {
      const media = message.media ?? [];
      if (media.length > 10) throw new Error('A notification carries at most 10 files');
      const inline = media.reduce((n, m) => n + ('data' in m ? (m.data.length * 3) / 4 : 0), 0);
      if (inline > MAX_INLINE_MEDIA_BYTES)
        throw new Error(`A notification carries at most ${MAX_INLINE_MEDIA_BYTES} bytes inline`);
      const id = await jobs.send(NOTIFY_QUEUE, message, {
        singletonKey: chatKey(message.chatId),
        ...(options.tx ? { tx: options.tx } : {}),
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      });
      counters?.notifications.inc({ outcome: 'enqueued' });
      return id;
    },

    async registerNotifyWorker(options = {}) {
      const handler = createNotifyHandler({
        api: deps.api,
        boss,
        database,
        logger: deps.logger,
        counters,
        enqueue: (message) => jobs.send(NOTIFY_QUEUE, message, { singletonKey: chatKey(message.chatId) }),
        ...(deps.policy ? { policy: deps.policy } : {}),
      });
      // Parallel across chats; key_strict_fifo never hands out two jobs of one chat at once.
      await jobs.work<NotifyMessage>(NOTIFY_QUEUE, handler, { concurrency: options.concurrency ?? 8 });
    },

    async listDeadLetters() {
      const found = await boss.findJobs<DeadEnvelope>(NOTIFY_DEAD_QUEUE, { queued: true });
      return found
        .map((job) => ({
          id: job.id,
          message: job.data.payload,
          error: job.data.error ?? null,
          deadSince: new Date(job.createdOn),
        }))
        .sort((a, b) => a.deadSince.getTime() - b.deadSince.getTime());
    },

    async replayDeadLetters(options = {}) {
      // A notification pg-boss failed by itself (an attempt that hung past expireInSeconds) stays
      // failed in `notify` and, under key_strict_fifo, blocks its chat. Its copy is in notify.dead
      // and is replayed below, so the blocking original can go.
      for (const key of await boss.getBlockedKeys(NOTIFY_QUEUE)) {
        for (const job of await boss.findJobs(NOTIFY_QUEUE, { key })) {
          if (job.state === 'failed') await boss.deleteJob(NOTIFY_QUEUE, job.id);
        }
      }
      const wanted = options.ids ? new Set(options.ids) : null;
      const dead = (await boss.findJobs<DeadEnvelope>(NOTIFY_DEAD_QUEUE, { queued: true }))
        .filter((job) => !wanted || wanted.has(job.id))
        .sort((a, b) => new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime());
      let replayed = 0;
      for (const job of dead) {
        const message = job.data.payload;
        await database.db.transaction(async (tx) => {
          await jobs.send(NOTIFY_QUEUE, message, { singletonKey: chatKey(message.chatId), tx });
          await boss.deleteJob(NOTIFY_DEAD_QUEUE, job.id, { db: bossDb(tx) });
        });
        replayed += 1;
      }
      if (replayed > 0) log.info({ replayed }, 'dead notifications replayed');
      return replayed;
    },
  };
}

interface DeadEnvelope {
  payload: NotifyMessage;
  error?: string;
}
