import { z } from 'zod';
import type { Ai } from '../../platform/ai/index.ts';
import type { Logger } from '../../platform/observability/logger.ts';
import { inventedNumbers } from './insight-grounding.ts';
import type { Figures } from './insight-types.ts';

const answerSchema = z.object({ text: z.string().trim().min(1).max(1000) });

export interface InsightWriter {
  /**
   * The model's insight when a provider is configured and every number in it is one of the figures;
   * the template insight otherwise (no provider, over the token cap, circuit open, failed, invented a number).
   */
  write(
    user: { id: string; language: string; timezone: string },
    figures: Figures,
    template: () => string,
  ): Promise<{ text: string; source: 'model' | 'template' }>;
}

/** What the model sees: the figures without ids (a UUID is digits the model could echo). */
function figuresForModel(f: Figures) {
  return { ...f, courses: f.courses.map(({ courseId: _id, ...course }) => course) };
}

export function insightPrompt(language: string, figures: Figures) {
  const name = language === 'ru' ? 'Russian' : 'English';
  return {
    system:
      `You write the insight of a weekly productivity report in ${name}: 2–4 short, warm, specific ` +
      'sentences, plain text, no markdown — one observation, one pattern, one concrete suggestion. ' +
      'Use ONLY numbers that appear in the figures JSON, exactly as written there (rates are already ' +
      'percents, hours are 0–23 local, write a time as "19:00"). Never compute, round, estimate or ' +
      'invent a number; when in doubt, write no number. Do not repeat every figure. ' +
      'Answer JSON {"text": "..."}.',
    prompt: `Figures: ${JSON.stringify(figuresForModel(figures))}`,
  };
}

export function createInsightWriter(deps: { ai: Ai; logger: Logger }): InsightWriter {
  return {
    async write(user, figures, template) {
      if (deps.ai.describe().llm === 'none') return { text: template(), source: 'template' };
      const fallback = (reason: string, extra: object = {}) => {
        deps.logger.info(
          { userId: user.id, reason, ...extra },
          'insights: model insight not used, template instead',
        );
        return { text: template(), source: 'template' as const };
      };
      const answer = await deps.ai
        .generate(
          {
            op: 'insights.weekly',
            ...insightPrompt(user.language, figures),
            schema: answerSchema,
            offline: () => ({ text: '' }), // source 'offline' says it was not the model
          },
          { userId: user.id, timezone: user.timezone },
        )
        .catch((error: unknown) => ({ error }));
      if ('error' in answer) return fallback('model_error', { err: answer.error });
      // The AI layer logged why (no answer, token cap, circuit open); say which report it cost.
      if (answer.source === 'offline') return fallback('model_unavailable');
      const text = answer.value.text;
      const invented = inventedNumbers(text, figures);
      if (invented.length > 0) {
        deps.logger.debug({ userId: user.id, text }, 'insights: the rejected model insight');
        return fallback('ungrounded_numbers', { invented });
      }
      return { text, source: 'model' };
    },
  };
}
