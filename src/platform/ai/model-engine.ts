import { generateText, type LanguageModel, NoObjectGeneratedError, Output } from 'ai';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { AiError } from './ai-error.ts';
import type { AiEngine, AiLogger, ModelOutput, TokenUsage } from './ai-port.ts';
import {
  chatPrompt,
  classifyPrompt,
  insightPrompt,
  modelClassificationSchema,
  modelRenderedNoteSchema,
  modelUnderstandingSchema,
  renderPrompt,
  understandPrompt,
} from './model-prompts.ts';
import { assembleNote } from './offline-templates.ts';
import type { ResiliencePolicy } from './resilience.ts';
import { detectLanguage } from './text-tokens.ts';

export interface ModelEngineDeps {
  model: LanguageModel;
  policy: ResiliencePolicy;
  logger: AiLogger;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
const add = (
  a: TokenUsage,
  b: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
) => ({
  inputTokens: a.inputTokens + (b?.inputTokens ?? 0),
  outputTokens: a.outputTokens + (b?.outputTokens ?? 0),
});

/** Thrown after the model kept failing; carries the tokens spent so they are still accounted. */
function failed(op: string, usage: TokenUsage, cause: unknown, malformed: boolean): AiError {
  return new AiError(
    malformed ? 'malformed_output' : 'provider_failed',
    `${op}: ${malformed ? 'model output did not match the schema twice' : 'provider call failed'}`,
    { usage },
    { cause },
  );
}

/** The operations over a language model with structured output; one retry on malformed output. */
export function createModelEngine({ model, policy, logger }: ModelEngineDeps): AiEngine {
  async function structured<T>(
    op: string,
    schema: z.ZodType<T>,
    prompt: { system: string; prompt: string },
    accept: (value: T) => boolean,
    signal?: AbortSignal,
  ): Promise<ModelOutput<T>> {
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    logger.debug({ op, system: prompt.system, prompt: prompt.prompt }, 'ai: sending to model');
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const result = await policy.run(
          (s) =>
            generateText({
              model,
              ...prompt,
              output: Output.object({ schema }),
              maxRetries: 0,
              abortSignal: s,
            }),
          signal,
        );
        usage = add(usage, result.usage);
        if (accept(result.output)) return { value: result.output, usage };
        logger.warn({ op, attempt }, 'ai: model output failed validation');
        if (attempt === 2) throw failed(op, usage, new Error('rejected by validation'), true);
      } catch (error) {
        if (error instanceof AiError) throw error;
        if (!NoObjectGeneratedError.isInstance(error)) throw failed(op, usage, error, false);
        usage = add(usage, error.usage);
        logger.warn({ op, attempt, text: error.text?.slice(0, 200) }, 'ai: model returned malformed output');
        if (attempt === 2) throw failed(op, usage, error, true);
      }
    }
    throw failed(op, usage, new Error('unreachable'), true);
  }

  async function text(
    op: string,
    prompt:
      | { system: string; prompt: string }
      | { system: string; messages: { role: 'user' | 'assistant'; content: string }[] },
    signal?: AbortSignal,
  ): Promise<ModelOutput<string>> {
    logger.debug({ op, ...prompt }, 'ai: sending to model');
    try {
      const result = await policy.run(
        (s) => generateText({ model, ...prompt, maxRetries: 0, abortSignal: s }),
        signal,
      );
      const usage = add({ inputTokens: 0, outputTokens: 0 }, result.usage);
      if (!result.text.trim()) throw failed(op, usage, new Error('empty reply'), true);
      return { value: result.text.trim(), usage };
    } catch (error) {
      if (error instanceof AiError) throw error;
      throw failed(op, { inputTokens: 0, outputTokens: 0 }, error, false);
    }
  }

  return {
    async classifyNote(input, signal) {
      const ids = new Set(input.topics.map((t) => t.id));
      const out = await structured(
        'classifyNote',
        modelClassificationSchema,
        classifyPrompt(input),
        (v) => v.topicId === null || ids.has(v.topicId),
        signal,
      );
      const v = out.value;
      return {
        usage: out.usage,
        value: {
          topicId: v.topicId,
          confidence: v.topicId === null ? 0 : clamp01(v.confidence),
          title: v.title.slice(0, 120),
          tags: v.tags.slice(0, 5).map((t) => t.toLowerCase().replace(/^#/, '')),
          alternatives: v.alternatives
            .filter((a) => ids.has(a.topicId))
            .slice(0, 3)
            .map((a) => ({ topicId: a.topicId, confidence: clamp01(a.confidence) })),
        },
      };
    },

    async understand(input, signal) {
      const localNow = DateTime.fromJSDate(input.now, { zone: input.timezone }).toFormat(
        "yyyy-LL-dd'T'HH:mm, cccc",
      );
      const out = await structured(
        'understand',
        modelUnderstandingSchema,
        understandPrompt(input, localNow),
        (v) => v.dueLocal === null || DateTime.fromISO(v.dueLocal, { zone: input.timezone }).isValid,
        signal,
      );
      const { dueLocal, ...v } = out.value;
      const due = dueLocal ? DateTime.fromISO(dueLocal, { zone: input.timezone }) : null;
      return {
        usage: out.usage,
        value: {
          ...v,
          rrule: v.rrule ? v.rrule.replace(/^RRULE:/i, '') : null,
          dueAt: due ? due.toISO({ suppressMilliseconds: true }) : null,
          confidence: clamp01(v.confidence),
          language: input.language ?? detectLanguage(input.text),
        },
      };
    },

    async renderNote(input, signal) {
      const out = await structured(
        'renderNote',
        modelRenderedNoteSchema,
        renderPrompt(input),
        (v) => v.body.trim() !== '',
        signal,
      );
      const parts = {
        title: input.title ?? out.value.title,
        tags: input.tags.length ? input.tags : out.value.tags.slice(0, 5),
        body: out.value.body,
      };
      return { usage: out.usage, value: assembleNote(input, parts) };
    },

    async writeInsight(input, signal) {
      const out = await text('writeInsight', insightPrompt(input), signal);
      return { usage: out.usage, value: { text: out.value } };
    },

    async chat(input, signal) {
      const out = await text('chat', chatPrompt(input), signal);
      return { usage: out.usage, value: { reply: out.value } };
    },

    generate: (request, signal) =>
      structured(
        request.op,
        request.schema,
        { system: request.system, prompt: request.prompt },
        () => true,
        signal,
      ),
  };
}
