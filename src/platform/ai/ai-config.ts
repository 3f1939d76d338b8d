import { z } from 'zod';

export type LlmProvider = 'openai' | 'google' | 'anthropic' | 'openai-compatible';
export type SttProvider = 'openai' | 'openai-compatible';

export interface ResilienceConfig {
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt on 429/5xx/timeouts. */
  maxRetries: number;
  /** First backoff delay; doubles each retry (with jitter). */
  retryBaseMs: number;
  /** Upper bound for any single wait, including a server's retry-after. */
  maxRetryDelayMs: number;
  /** Consecutive transient failures that open the circuit. */
  breakerFailures: number;
  /** How long an open circuit stays open before one trial call. */
  breakerCooldownMs: number;
}

/** Parsed AI settings; the default (nothing set) is fully offline. */
export interface AiConfig {
  llm: { provider: 'none' } | { provider: LlmProvider; model: string; apiKey?: string; baseUrl?: string };
  stt: { provider: 'none' } | { provider: SttProvider; model: string; apiKey?: string; baseUrl?: string };
  resilience: ResilienceConfig;
  /** Tokens per user per day before that user is served offline; null = no cap. */
  dailyTokenCapPerUser: number | null;
  /** Overrides the built-in price table for the configured model (USD per million tokens). */
  priceOverride: { inputPerMTok: number; outputPerMTok: number } | null;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(
  blankToUndefined,
  z.url({ error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
);
const int = (min: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int('must be a whole number').min(min).default(fallback));
const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().min(0).optional());

/** The raw environment variables; a plain object so it can be merged into the app's env schema. */
export const aiEnvSchema = z.object({
  AI_PROVIDER: z.preprocess(
    blankToUndefined,
    z.enum(['none', 'openai', 'google', 'anthropic', 'openai-compatible']).default('none'),
  ),
  AI_MODEL: optionalString,
  AI_API_KEY: optionalString,
  AI_BASE_URL: optionalUrl,
  AI_TIMEOUT_MS: int(100, 30_000),
  AI_MAX_RETRIES: int(0, 2),
  AI_RETRY_BASE_MS: int(0, 500),
  AI_MAX_RETRY_DELAY_MS: int(0, 20_000),
  AI_BREAKER_FAILURES: int(1, 5),
  AI_BREAKER_COOLDOWN_MS: int(0, 60_000),
  AI_DAILY_TOKEN_CAP_PER_USER: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional()),
  AI_PRICE_INPUT_PER_MTOK: optionalNumber,
  AI_PRICE_OUTPUT_PER_MTOK: optionalNumber,
  STT_PROVIDER: z.preprocess(
    blankToUndefined,
    z.enum(['none', 'openai', 'openai-compatible']).default('none'),
  ),
  STT_MODEL: optionalString,
  STT_API_KEY: optionalString,
  STT_BASE_URL: optionalUrl,
});
export type AiEnv = z.infer<typeof aiEnvSchema>;

const DEFAULT_MODELS: Record<Exclude<LlmProvider, 'openai-compatible'>, string> = {
  openai: 'gpt-4o-mini',
  google: 'gemini-2.5-flash',
  anthropic: 'claude-haiku-4-5',
};

/** Cross-field checks, usable as `.superRefine(checkAiEnv)` on a merged schema. */
export function checkAiEnv(env: AiEnv, ctx: z.RefinementCtx): void {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const p = env.AI_PROVIDER;
  if ((p === 'openai' || p === 'google' || p === 'anthropic') && !env.AI_API_KEY) {
    need('AI_API_KEY', `is required when AI_PROVIDER=${p}`);
  }
  if (p === 'openai-compatible') {
    if (!env.AI_BASE_URL)
      need('AI_BASE_URL', 'is required when AI_PROVIDER=openai-compatible (e.g. http://127.0.0.1:11434/v1)');
    if (!env.AI_MODEL) need('AI_MODEL', 'is required when AI_PROVIDER=openai-compatible (e.g. llama3.1)');
  }
  if (env.STT_PROVIDER === 'openai' && !(env.STT_API_KEY ?? (p === 'openai' ? env.AI_API_KEY : undefined))) {
    need('STT_API_KEY', 'is required when STT_PROVIDER=openai');
  }
  if (env.STT_PROVIDER === 'openai-compatible' && !env.STT_BASE_URL) {
    need('STT_BASE_URL', 'is required when STT_PROVIDER=openai-compatible (e.g. http://127.0.0.1:8000/v1)');
  }
  if ((env.AI_PRICE_INPUT_PER_MTOK === undefined) !== (env.AI_PRICE_OUTPUT_PER_MTOK === undefined)) {
    need(
      'AI_PRICE_OUTPUT_PER_MTOK',
      'set both AI_PRICE_INPUT_PER_MTOK and AI_PRICE_OUTPUT_PER_MTOK, or neither',
    );
  }
}

export function toAiConfig(env: AiEnv): AiConfig {
  const p = env.AI_PROVIDER;
  const llm: AiConfig['llm'] =
    p === 'none'
      ? { provider: 'none' }
      : {
          provider: p,
          model: env.AI_MODEL ?? (p === 'openai-compatible' ? '' : DEFAULT_MODELS[p]),
          ...(env.AI_API_KEY ? { apiKey: env.AI_API_KEY } : {}),
          ...(env.AI_BASE_URL ? { baseUrl: env.AI_BASE_URL } : {}),
        };
  const sttKey =
    env.STT_API_KEY ?? (p === 'openai' && env.STT_PROVIDER === 'openai' ? env.AI_API_KEY : undefined);
  const stt: AiConfig['stt'] =
    env.STT_PROVIDER === 'none'
      ? { provider: 'none' }
      : {
          provider: env.STT_PROVIDER,
          model: env.STT_MODEL ?? 'whisper-1',
          ...(sttKey ? { apiKey: sttKey } : {}),
          ...(env.STT_BASE_URL ? { baseUrl: env.STT_BASE_URL } : {}),
        };
  return {
    llm,
    stt,
    resilience: {
      timeoutMs: env.AI_TIMEOUT_MS,
      maxRetries: env.AI_MAX_RETRIES,
      retryBaseMs: env.AI_RETRY_BASE_MS,
      maxRetryDelayMs: env.AI_MAX_RETRY_DELAY_MS,
      breakerFailures: env.AI_BREAKER_FAILURES,
      breakerCooldownMs: env.AI_BREAKER_COOLDOWN_MS,
    },
    dailyTokenCapPerUser: env.AI_DAILY_TOKEN_CAP_PER_USER ? env.AI_DAILY_TOKEN_CAP_PER_USER : null,
    priceOverride:
      env.AI_PRICE_INPUT_PER_MTOK !== undefined && env.AI_PRICE_OUTPUT_PER_MTOK !== undefined
        ? { inputPerMTok: env.AI_PRICE_INPUT_PER_MTOK, outputPerMTok: env.AI_PRICE_OUTPUT_PER_MTOK }
        : null,
  };
}

/** Parses the AI_* and STT_* variables into an AiConfig; nothing set → offline. */
export const aiConfigSchema = aiEnvSchema.superRefine(checkAiEnv).transform(toAiConfig);

/** The offline default, handy for tests and for processes that never call a model. */
export const offlineAiConfig: AiConfig = aiConfigSchema.parse({});
