import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Metrics } from '../observability/metrics.ts';
import type { AiConfig } from './ai-config.ts';
import { AiError } from './ai-error.ts';
import type {
  Ai,
  AiCallOptions,
  AiEngine,
  AiLogger,
  AiNoticeKind,
  AiNotices,
  AiOfflineReason,
  AiResult,
  Clock,
  ModelOutput,
  OfflineTopicRanker,
  SttEngine,
  TokenUsage,
} from './ai-port.ts';
import {
  chatInputSchema,
  classifyNoteInputSchema,
  insightStatsSchema,
  renderNoteInputSchema,
  transcribeInputSchema,
  understandInputSchema,
} from './ai-schemas.ts';
import { createModelEngine } from './model-engine.ts';
import { createOfflineEngine } from './offline-engine.ts';
import { costMicroUsd, priceFor } from './price-table.ts';
import { createLanguageModel, createTranscriptionModel } from './provider-models.ts';
import { createResiliencePolicy } from './resilience.ts';
import { createSttEngine, noStt } from './stt-engine.ts';
import type { UsageStore } from './usage-store.ts';

export interface AiDeps {
  config: AiConfig;
  usageStore: UsageStore;
  clock: Clock;
  logger: AiLogger;
  /** Calls, tokens and circuit state per provider, when the process exposes metrics. */
  metrics?: Pick<Metrics, 'aiCalls' | 'aiTokens' | 'aiCircuitOpen'> | undefined;
  /** Tells a waiting person their answer comes from the offline rules (see AiCallOptions.tellUser). */
  notices?: AiNotices | undefined;
  /**
   * The offline topic ranking for note classification, when a capability provides a better one
   * than the platform's rules; read at each call (capabilities are built after the AI port).
   */
  offlineTopicRanker?: (() => OfflineTopicRanker | undefined) | undefined;
}

type Op = keyof AiEngine;

/** Builds the AI port: the configured provider with resilience and accounting, offline otherwise. */
export function createAi({
  config,
  usageStore,
  clock,
  logger,
  metrics,
  notices,
  offlineTopicRanker,
}: AiDeps): Ai {
  const offline = createOfflineEngine(offlineTopicRanker);
  const llm = config.llm;
  const model: AiEngine | null =
    llm.provider === 'none'
      ? null
      : createModelEngine({
          model: createLanguageModel(llm),
          logger,
          policy: createResiliencePolicy(config.resilience, {
            onRetry: (i) =>
              logger.info(
                { provider: llm.provider, attempt: i.attempt, delayMs: Math.round(i.delayMs) },
                'ai: retrying',
              ),
            onBreak: () => {
              metrics?.aiCircuitOpen.set({ provider: llm.provider, engine: 'llm' }, 1);
              logger.warn({ provider: llm.provider }, 'ai: circuit opened, using offline until it recovers');
            },
            onReset: () => {
              metrics?.aiCircuitOpen.set({ provider: llm.provider, engine: 'llm' }, 0);
              logger.info({ provider: llm.provider }, 'ai: circuit closed');
            },
          }),
        });
  const stt: SttEngine =
    config.stt.provider === 'none'
      ? noStt
      : createSttEngine({
          model: createTranscriptionModel(config.stt),
          logger,
          policy: createResiliencePolicy(config.resilience, {
            onBreak: () => {
              metrics?.aiCircuitOpen.set({ provider: config.stt.provider, engine: 'stt' }, 1);
              logger.warn({ provider: config.stt.provider }, 'ai: speech-to-text circuit opened');
            },
            onReset: () => metrics?.aiCircuitOpen.set({ provider: config.stt.provider, engine: 'stt' }, 0),
          }),
        });
  const price = llm.provider === 'none' ? null : priceFor(llm.provider, llm.model, config.priceOverride);

  if (llm.provider !== 'none') metrics?.aiCircuitOpen.set({ provider: llm.provider, engine: 'llm' }, 0);
  if (config.stt.provider !== 'none')
    metrics?.aiCircuitOpen.set({ provider: config.stt.provider, engine: 'stt' }, 0);
  const called = (outcome: string) => metrics?.aiCalls.inc({ provider: llm.provider, outcome });

  async function account(userId: string | null, day: string, usage: TokenUsage): Promise<void> {
    metrics?.aiTokens.inc({ provider: llm.provider, direction: 'input' }, usage.inputTokens);
    metrics?.aiTokens.inc({ provider: llm.provider, direction: 'output' }, usage.outputTokens);
    if (!price || usage.inputTokens + usage.outputTokens === 0) return;
    try {
      await usageStore.record({ userId, day, ...usage, costMicroUsd: costMicroUsd(usage, price) });
    } catch (error) {
      // Losing one accounting row must not lose the user's answer.
      logger.error({ err: error }, 'ai: could not record usage');
    }
  }

  /** True when the user is over today's cap (then the call is served offline). */
  async function overCap(userId: string | null, day: string): Promise<boolean> {
    if (config.dailyTokenCapPerUser === null || userId === null) return false;
    const used = await usageStore.get(userId, day);
    return used !== null && used.inputTokens + used.outputTokens >= config.dailyTokenCapPerUser;
  }

  // The outage notice's "once a day" per process; the notice's dedupe key makes it once across processes.
  const toldUnavailable = new Map<string, string>();
  async function tell(userId: string, kind: AiNoticeKind, day: string): Promise<void> {
    if (kind === 'unavailable') {
      if (toldUnavailable.get(userId) === day) return;
      toldUnavailable.set(userId, day);
    }
    try {
      await notices?.tell(userId, kind, day);
    } catch (error) {
      // The person still gets their (offline) answer; a lost notice is only logged.
      logger.warn({ err: error, userId, kind }, 'ai: could not tell the user about offline answers');
    }
  }

  async function run<S extends z.ZodType, T>(
    op: Op,
    schema: S,
    raw: unknown,
    options: AiCallOptions,
    call: (engine: AiEngine, input: z.output<S>, signal?: AbortSignal) => Promise<ModelOutput<T>>,
  ): Promise<AiResult<T>> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new AiError('invalid_input', `${op}: invalid input`, { issues: parsed.error.issues });
    }
    const input = parsed.data;
    const fromOffline = async (offlineReason: AiOfflineReason, capNotice = false): Promise<AiResult<T>> => ({
      value: (await call(offline, input)).value,
      source: 'offline',
      capNotice,
      offlineReason,
    });
    if (!model) return fromOffline('no_model');
    const userId = options.userId ?? null;
    const day = DateTime.fromJSDate(clock.now(), { zone: options.timezone ?? 'UTC' }).toISODate() ?? '';
    if (await overCap(userId, day)) {
      // Claimed only for a person who is waiting: a night job must not use up the day's one notice.
      const notice = options.tellUser === true && (await usageStore.claimCapNotice(userId, day));
      called('over_cap');
      logger.info({ op, userId, notice }, 'ai: daily token cap reached, serving offline');
      if (notice && userId) await tell(userId, 'daily_cap', day);
      return fromOffline('daily_cap', notice);
    }
    try {
      const out = await call(model, input, options.signal);
      called('ok');
      await account(userId, day, out.usage);
      return { value: out.value, source: 'model', capNotice: false };
    } catch (error) {
      const usage = error instanceof AiError ? (error.details.usage as TokenUsage | undefined) : undefined;
      if (usage) await account(userId, day, usage);
      called(isBrokenCircuit(error) ? 'circuit_open' : 'error');
      logger.warn(
        { op, provider: llm.provider, code: error instanceof AiError ? error.code : undefined, err: error },
        'ai: model unavailable, fallback to templates (offline)',
      );
      if (options.tellUser && userId) await tell(userId, 'unavailable', day);
      return fromOffline('unavailable');
    }
  }

  return {
    classifyNote: (input, o = {}) =>
      run('classifyNote', classifyNoteInputSchema, input, o, (e, i, s) => e.classifyNote(i, s)),
    understand: (input, o = {}) =>
      run('understand', understandInputSchema, input, o, (e, i, s) => e.understand(i, s)),
    renderNote: (input, o = {}) =>
      run('renderNote', renderNoteInputSchema, input, o, (e, i, s) => e.renderNote(i, s)),
    writeInsight: (input, o = {}) =>
      run('writeInsight', insightStatsSchema, input, o, (e, i, s) => e.writeInsight(i, s)),
    chat: (input, o = {}) => run('chat', chatInputSchema, input, o, (e, i, s) => e.chat(i, s)),
    // The request carries its own schema and offline answer; there is no input to validate.
    generate: (request, o = {}) =>
      run('generate', z.unknown(), null, o, (e, _i, s) => e.generate(request, s)),
    async transcribe(input, o = {}) {
      const parsed = transcribeInputSchema.safeParse(input);
      if (!parsed.success)
        throw new AiError('invalid_input', 'transcribe: invalid input', { issues: parsed.error.issues });
      return { value: await stt.transcribe(parsed.data, o.signal), source: 'model', capNotice: false };
    },
    describe: () => ({
      llm: llm.provider,
      model: llm.provider === 'none' ? null : llm.model,
      stt: config.stt.provider,
      sttModel: config.stt.provider === 'none' ? null : config.stt.model,
    }),
  };
}

/** cockatiel's "circuit is open" refusal (the call never reached the provider). */
function isBrokenCircuit(error: unknown): boolean {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  return [error, cause].some((e) => e instanceof Error && e.constructor.name === 'BrokenCircuitError');
}
