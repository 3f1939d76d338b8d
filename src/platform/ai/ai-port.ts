import type { z } from 'zod';
import type {
  ChatInput,
  ChatReply,
  ClassifyNoteInput,
  chatInputSchema,
  classifyNoteInputSchema,
  FiledExample,
  Insight,
  InsightStats,
  insightStatsSchema,
  NoteClassification,
  RenderedNote,
  RenderNoteInput,
  renderNoteInputSchema,
  Topic,
  TranscribeInput,
  Transcript,
  transcribeInputSchema,
  UnderstandInput,
  Understanding,
  understandInputSchema,
} from './ai-schemas.ts';

export type ParsedClassifyNoteInput = z.output<typeof classifyNoteInputSchema>;
export type ParsedUnderstandInput = z.output<typeof understandInputSchema>;
export type ParsedRenderNoteInput = z.output<typeof renderNoteInputSchema>;
export type ParsedInsightStats = z.output<typeof insightStatsSchema>;
export type ParsedChatInput = z.output<typeof chatInputSchema>;
export type ParsedTranscribeInput = z.output<typeof transcribeInputSchema>;

/**
 * A capability's own structured question to the model (profile, check-in decision): its prompt, the
 * zod schema of the answer, and the answer to use offline (no provider, over the cap, or failing).
 */
export interface GenerateRequest<T> {
  /** Short name for logs and accounting, e.g. `companion.checkin`. */
  op: string;
  system: string;
  prompt: string;
  schema: z.ZodType<T>;
  offline: () => T;
}

/** Which implementation produced a result. */
export type AiSource = 'model' | 'offline';

/** Why an answer came from the offline rules: none configured, the person's cap, or the model failing. */
export type AiOfflineReason = 'no_model' | 'daily_cap' | 'unavailable';

export interface AiResult<T> {
  value: T;
  source: AiSource;
  /** True on the first result of the day served offline because the user hit the daily token cap. */
  capNotice: boolean;
  /** Set when `source` is offline. */
  offlineReason?: AiOfflineReason;
}

export interface AiCallOptions {
  /** The user the call is made for: usage is accounted to them and the daily cap applies. */
  userId?: string | null;
  /** IANA timezone that defines the user's "day" for accounting; UTC when absent. */
  timezone?: string;
  signal?: AbortSignal;
  /**
   * The person is waiting for this answer (a chat reply, a note they just sent): when it comes from
   * the offline rules because of their cap or a failing model, they are told — once a day each.
   * Background work (check-ins, the 04:00 refresh, reports) leaves it off: no notice at night.
   */
  tellUser?: boolean;
}

/** What the person is told once a day: their token cap is reached, or the model is not answering. */
export type AiNoticeKind = 'daily_cap' | 'unavailable';

/** Delivers a notice to the person (the app renders it in their language and sends it). */
export interface AiNotices {
  tell(userId: string, kind: AiNoticeKind, day: string): Promise<void>;
}

/** The AI port: domain operations with zod-validated input and output, model-backed or offline. */
export interface Ai {
  classifyNote(input: ClassifyNoteInput, options?: AiCallOptions): Promise<AiResult<NoteClassification>>;
  understand(input: UnderstandInput, options?: AiCallOptions): Promise<AiResult<Understanding>>;
  renderNote(input: RenderNoteInput, options?: AiCallOptions): Promise<AiResult<RenderedNote>>;
  writeInsight(input: InsightStats, options?: AiCallOptions): Promise<AiResult<Insight>>;
  chat(input: ChatInput, options?: AiCallOptions): Promise<AiResult<ChatReply>>;
  /** Generic structured generation with the same fallback, retries and accounting as the operations above. */
  generate<T>(request: GenerateRequest<T>, options?: AiCallOptions): Promise<AiResult<T>>;
  /** Throws AiError `stt_not_configured` when no STT provider is set, `stt_failed` when it fails. */
  transcribe(input: TranscribeInput, options?: AiCallOptions): Promise<AiResult<Transcript>>;
  /** What is configured, for /healthz-style status pages; never includes keys. */
  describe(): { llm: string; model: string | null; stt: string; sttModel: string | null };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ModelOutput<T> {
  value: T;
  usage: TokenUsage;
}

/** One implementation of the operations over already-parsed input. */
export interface AiEngine {
  classifyNote(
    input: ParsedClassifyNoteInput,
    signal?: AbortSignal,
  ): Promise<ModelOutput<NoteClassification>>;
  understand(input: ParsedUnderstandInput, signal?: AbortSignal): Promise<ModelOutput<Understanding>>;
  renderNote(input: ParsedRenderNoteInput, signal?: AbortSignal): Promise<ModelOutput<RenderedNote>>;
  writeInsight(input: ParsedInsightStats, signal?: AbortSignal): Promise<ModelOutput<Insight>>;
  chat(input: ParsedChatInput, signal?: AbortSignal): Promise<ModelOutput<ChatReply>>;
  generate<T>(request: GenerateRequest<T>, signal?: AbortSignal): Promise<ModelOutput<T>>;
}

/** One topic's place for a note: `score` 0 means nothing in common; `confidence` is calibrated (0..1). */
export interface TopicRank {
  topicId: string;
  score: number;
  confidence: number;
}

/**
 * Ranks topics for a note without a model, learning from the person's filed examples. The platform
 * has simple rules of its own; a capability that knows notes better provides this port through the
 * composition root (the platform never imports a capability).
 */
export interface OfflineTopicRanker {
  /** Every topic, best first. */
  rank(text: string, topics: readonly Topic[], examples: readonly FiledExample[]): TopicRank[];
}

/** Speech-to-text implementation. */
export interface SttEngine {
  transcribe(input: ParsedTranscribeInput, signal?: AbortSignal): Promise<Transcript>;
}

/** The pino subset the AI layer logs through. */
export interface AiLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Clock {
  now(): Date;
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };
