import { z } from 'zod';
import type { Ai } from '../../platform/ai/index.ts';
import { assessStage, type JourneyFacts, type JourneyStage } from './journey.ts';

/** Where a person is on the journey, how far along (0–100) and why. */
export interface Judgement {
  stage: string;
  progress: number;
  reason: string;
  source: 'model' | 'rules';
}

// Lax on purpose: a nonsensical answer is the rules' to catch (and log), not a failed model call.
const answerSchema = z.object({
  stage: z.string().max(80),
  progress: z.number(),
  reason: z.string().max(600),
});
type Answer = z.infer<typeof answerSchema>;

/**
 * The stages the facts allow at all: their account-age conditions hold (nobody is a newcomer after
 * the first week, nobody drifts away within it). Activity conditions are the model's to weigh.
 */
export function possibleStages(stages: readonly JourneyStage[], facts: JourneyFacts): string[] {
  return stages
    .filter(({ rule: r }) => {
      if (r.accountAgeDaysBelow !== undefined && facts.accountAgeDays >= r.accountAgeDaysBelow) return false;
      if (r.accountAgeDaysAtLeast !== undefined && facts.accountAgeDays < r.accountAgeDaysAtLeast)
        return false;
      return true;
    })
    .map((s) => s.id);
}

/** The rules' progress: the share of the last 14 days the person was active. */
export const rulesProgress = (facts: JourneyFacts) =>
  Math.max(0, Math.min(100, Math.round((facts.activeDaysInLast14 / 14) * 100)));

/** Why the model's answer cannot stand, or null when it can. */
export function nonsense(
  stages: readonly JourneyStage[],
  facts: JourneyFacts,
  answer: Answer,
): string | null {
  if (!stages.some((s) => s.id === answer.stage)) return `unknown stage "${answer.stage.slice(0, 40)}"`;
  if (!Number.isFinite(answer.progress) || answer.progress < 0 || answer.progress > 100)
    return `progress ${answer.progress} outside 0–100`;
  if (!possibleStages(stages, facts).includes(answer.stage))
    return `stage "${answer.stage}" is impossible for an account ${facts.accountAgeDays} days old`;
  if (!answer.reason.trim()) return 'no reason';
  return null;
}

/**
 * The model judges the stage from the activity log; the rules are its fallback offline and its
 * check: an unknown stage, a progress outside 0–100 or a stage the facts rule out → the rules.
 */
export async function judgeJourney(deps: {
  ai: Ai;
  stages: readonly JourneyStage[];
  facts: JourneyFacts;
  activity: Record<string, number>;
  previous: string;
  language: 'ru' | 'en';
  persona: string;
  /** The rules' reason in the person's language. */
  rulesReason: (stage: string, progress: number) => string;
  call: { userId: string; timezone: string };
  onNonsense?: (why: string) => void;
}): Promise<Judgement> {
  const rules = (): Judgement => {
    const stage = assessStage(deps.stages, deps.facts).id;
    const progress = rulesProgress(deps.facts);
    return { stage, progress, reason: deps.rulesReason(stage, progress), source: 'rules' };
  };
  const result = await deps.ai.generate(
    {
      op: 'companion.journey',
      system:
        'Judge where the user of a personal assistant is on their journey with it, from their activity ' +
        `log (the assistant is called ${deps.persona}). Stages (pick one id): ` +
        `${deps.stages.map((s) => s.id).join(', ')}. ` +
        'progress: 0–100, how far along that stage they are. reason: one sentence to the user, in ' +
        `${deps.language === 'ru' ? 'Russian' : 'English'}, citing the activity. JSON {stage, progress, reason}.`,
      prompt: JSON.stringify({
        previousStage: deps.previous,
        possibleStages: possibleStages(deps.stages, deps.facts),
        facts: deps.facts,
        activity30Days: deps.activity,
      }),
      schema: answerSchema,
      offline: () => {
        const r = rules();
        return { stage: r.stage, progress: r.progress, reason: r.reason };
      },
    },
    deps.call,
  );
  if (result.source === 'offline') return rules();
  const why = nonsense(deps.stages, deps.facts, result.value);
  if (why) {
    deps.onNonsense?.(why);
    return rules();
  }
  return {
    stage: result.value.stage,
    progress: Math.round(result.value.progress),
    reason: result.value.reason.trim().slice(0, 300),
    source: 'model',
  };
}
