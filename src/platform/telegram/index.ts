export { clearBlocked, isBlocked, markBlocked } from './blocked-users.ts';
export { recordDelivery, wasDelivered } from './deliveries.ts';
export { createNotifier, type DeadNotification, type Notifier } from './notifier.ts';
export {
  chatKey,
  NOTIFY_DEAD_QUEUE,
  NOTIFY_QUEUE,
  NOTIFY_QUEUES,
  type NotifyMedia,
  type NotifyMessage,
  notifyQueues,
} from './notify-queue.ts';
export { JOB_POLICY, type NotifyOutcome } from './notify-worker.ts';
export { DEFAULT_TELEGRAM_LIMITS, type TelegramLimits } from './rate-limit-rules.ts';
export {
  createDbRateLimitStore,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimitStore,
  type TelegramClock,
  type TelegramRateLimiter,
} from './rate-limiter.ts';
export {
  createTelegramApi,
  createTelegramClient,
  type TelegramApiDeps,
  type TelegramClient,
} from './telegram-api.ts';
export { BotBlockedError, TelegramRetryLaterError } from './telegram-errors.ts';
export {
  createTelegramTransformer,
  INTERACTIVE_POLICY,
  LIMITED_METHODS,
  type SendPolicy,
  withSendPolicy,
} from './telegram-transformer.ts';
