export type { AiConfig, AiEnv, LlmProvider, ResilienceConfig, SttProvider } from './ai-config.ts';
export { aiConfigSchema, aiEnvSchema, checkAiEnv, offlineAiConfig, toAiConfig } from './ai-config.ts';
export type { AiErrorCode } from './ai-error.ts';
export { AiError, isAiError } from './ai-error.ts';
export { createAiNotices, type NoticeSend } from './ai-notices.ts';
export type {
  Ai,
  AiCallOptions,
  AiLogger,
  AiNoticeKind,
  AiNotices,
  AiOfflineReason,
  AiResult,
  AiSource,
  Clock,
  GenerateRequest,
  OfflineTopicRanker,
  TokenUsage,
  TopicRank,
} from './ai-port.ts';
export type { AiRoutesEnv } from './ai-routes.ts';
export { createAiRoutes } from './ai-routes.ts';
export * from './ai-schemas.ts';
export { aiUsage } from './ai-usage-table.ts';
export type { AiDeps } from './create-ai.ts';
export { createAi } from './create-ai.ts';
export { createDrizzleUsageStore } from './drizzle-usage-store.ts';
export type { DailyUsage, UsageIncrement, UsageStore } from './usage-store.ts';
export { createMemoryUsageStore } from './usage-store.ts';
