import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const QUICK_REPLIES = ['today', 'tour', 'later', 'stop'] as const;
export type QuickReply = (typeof QUICK_REPLIES)[number];

const stageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z-]{1,30}$/),
  rule: z.object({
    inactiveDaysAtLeast: z.number().int().positive().optional(),
    accountAgeDaysAtLeast: z.number().int().nonnegative().optional(),
    accountAgeDaysBelow: z.number().int().positive().optional(),
    activeDaysInLast14AtLeast: z.number().int().positive().max(14).optional(),
  }),
  quickReplies: z.array(z.enum(QUICK_REPLIES)).max(3),
});
export type JourneyStage = z.infer<typeof stageSchema>;

/** The stages file shipped in the repo (a deployment edits it; a broken file fails the start). */
export function loadStages(path = new URL('./journey-stages.json', import.meta.url)): JourneyStage[] {
  const parsed = z
    .object({ stages: z.array(stageSchema).min(1) })
    .parse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.stages;
}

/** What the assessment looks at (from the activity log and the account). */
export interface JourneyFacts {
  accountAgeDays: number;
  inactiveDays: number;
  activeDaysInLast14: number;
}

/** The first stage whose rule matches; the last stage is the catch-all. */
export function assessStage(stages: readonly JourneyStage[], facts: JourneyFacts): JourneyStage {
  const match = stages.find(({ rule: r }) => {
    if (r.inactiveDaysAtLeast !== undefined && facts.inactiveDays < r.inactiveDaysAtLeast) return false;
    if (r.accountAgeDaysAtLeast !== undefined && facts.accountAgeDays < r.accountAgeDaysAtLeast) return false;
    if (r.accountAgeDaysBelow !== undefined && facts.accountAgeDays >= r.accountAgeDaysBelow) return false;
    if (r.activeDaysInLast14AtLeast !== undefined && facts.activeDaysInLast14 < r.activeDaysInLast14AtLeast)
      return false;
    return true;
  });
  return match ?? (stages.at(-1) as JourneyStage);
}
