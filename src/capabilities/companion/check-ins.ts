import type { InlineKeyboardMarkup } from '@grammyjs/types';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TranslateIn } from '../../bot/i18n.ts';
import type { Ai } from '../../platform/ai/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { localIsoDate } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import type { NotifyFn } from '../capability.ts';
import type { ActivityService } from './activity-service.ts';
import type { AgendaSource } from './agenda.ts';
import { type CompanionSettings, gateLimits } from './companion-settings.ts';
import { companionProfiles } from './companion-tables.ts';
import type { JourneyStage } from './journey.ts';
import { gate, type Trigger } from './proactive-gate.ts';
import type { Decision, ProactiveLog } from './proactive-log.ts';
import type { ProfileService } from './profile-service.ts';
import type { Recommendations } from './recommendations.ts';

export const CHECKINS_SETTING = 'companion.checkins';
const DAY = 86_400_000;

const decisionSchema = z.object({
  action: z.enum(['send', 'skip']),
  text: z.string().max(600),
  reason: z.string().max(200),
});

/**
 * The trigger engine: finds candidates (inactivity, a deadline close with no progress, a streak at
 * risk, a stage change), passes each through the one gate, lets the model write or decline, and
 * logs every decision. At most one message per run; the gate caps the day.
 */
export function createCheckIns(deps: {
  db: Db;
  ai: Ai;
  notify: NotifyFn;
  users: UserService;
  profiles: ProfileService;
  activity: ActivityService;
  agenda: AgendaSource;
  log: ProactiveLog;
  stages: readonly JourneyStage[];
  /** The admin's persona and limits (read at each run: a change applies to the next check-in). */
  settings: { get(): Promise<CompanionSettings> };
  recommendations?: Recommendations;
  inactiveDays: number;
  t: TranslateIn;
  keyboard: (language: 'ru' | 'en', stage: JourneyStage) => InlineKeyboardMarkup;
  now: () => Date;
}) {
  const { log, now } = deps;

  async function candidates(userId: string, timezone: string, slot: 'morning' | 'evening') {
    const at = now();
    const found: Array<{ trigger: Trigger; facts: Record<string, unknown> }> = [];
    const profile = await deps.profiles.get(userId);
    if (profile.stageChangedAt && !(await log.decidedSince(userId, 'stage', profile.stageChangedAt)))
      found.push({ trigger: 'stage', facts: { stage: profile.stage } });
    const facts = await deps.profiles.facts(userId);
    if (facts.inactiveDays >= deps.inactiveDays)
      found.push({ trigger: 'inactivity', facts: { days: facts.inactiveDays } });
    const due = await deps.agenda.dueSoon(userId, 24);
    if (due.length) {
      const progress = await deps.activity.countsSince(userId, new Date(at.getTime() - 2 * DAY));
      const moved = Object.keys(progress).some((k) => k.startsWith('task.'));
      if (!moved)
        found.push({ trigger: 'deadline', facts: { title: due[0]?.title ?? '', count: due.length } });
    }
    if (slot === 'evening') {
      const entries = await deps.activity.recent(userId, new Date(at.getTime() - 4 * DAY), 1000);
      const days = new Set(entries.map((e) => localIsoDate(timezone, e.at)));
      const back = (n: number) => localIsoDate(timezone, new Date(at.getTime() - n * DAY));
      if (!days.has(back(0)) && [1, 2, 3].every((n) => days.has(back(n))))
        found.push({ trigger: 'streak', facts: { days: 3 } });
    }
    return { found, profile };
  }

  /** Runs the engine for one user now; returns the decisions it logged. */
  async function run(userId: string, slot: 'morning' | 'evening'): Promise<Decision[]> {
    const user = await deps.users.getById(userId);
    if (!user?.telegramId) return [];
    await deps.profiles.ensure(userId);
    const { found, profile } = await candidates(userId, user.timezone, slot);
    const stage = deps.stages.find((s) => s.id === profile.stage) ?? (deps.stages.at(-1) as JourneyStage);
    const optedOut = !profile.checkinsEnabled;
    const settings = await deps.settings.get();
    const limits = gateLimits(settings);
    const { persona } = settings;
    const decisions: Decision[] = [];
    const decide = async (d: Omit<Decision, 'userId' | 'localDate' | 'at'>) => {
      const at = now();
      const decision = { ...d, userId, localDate: localIsoDate(user.timezone, at), at };
      await log.write(decision);
      decisions.push(decision);
    };
    for (const { trigger, facts } of found) {
      const at = now();
      const localDate = localIsoDate(user.timezone, at);
      const reason = user.blockedBotAt
        ? 'blocked'
        : gate(
            {
              at,
              trigger,
              timezone: user.timezone,
              quiet: { start: user.quietHoursStart, end: user.quietHoursEnd },
              optedOut,
              sentToday: await log.sentOn(userId, localDate),
              lastSentOfTrigger: await log.lastSent(userId, trigger),
            },
            limits,
          );
      if (reason) {
        await decide({ trigger, decision: 'skipped', reason, text: null });
        continue;
      }
      const suggestion = deps.t(user.language, `companion-checkin-${trigger}`, {
        stage: stage.id,
        name: user.firstName,
        ...(facts as Record<string, string | number>),
      });
      const answer = await deps.ai.generate(
        {
          op: 'companion.checkin',
          system:
            'You decide whether a personal assistant should write to its user first, and write it. ' +
            'Answer "skip" when a message would be noise. Keep it to 1–2 warm sentences in the ' +
            `user's language (${user.language}), matching the journey stage "${stage.id}". ` +
            `Write as ${persona.name}, in a ${persona.tone} tone. ` +
            'JSON {action: "send"|"skip", text, reason}.',
          prompt: JSON.stringify({ trigger, facts, profile, suggestion }),
          schema: decisionSchema,
          offline: () => ({ action: 'send' as const, text: suggestion, reason: 'template' }),
        },
        { userId, timezone: user.timezone },
      );
      if (answer.value.action === 'skip') {
        await decide({
          trigger,
          decision: 'skipped',
          reason: `model_skip: ${answer.value.reason}`,
          text: null,
        });
        continue;
      }
      const text = answer.value.text.trim() || suggestion;
      // Re-checked under the profile's row lock: two runs at once cannot both take the last slot.
      const sent = await deps.db.transaction(async (tx) => {
        await tx.select().from(companionProfiles).where(eq(companionProfiles.userId, userId)).for('update');
        if ((await log.sentOn(userId, localDate, tx)) >= limits.maxPerDay) return false;
        // At most one recommendation, for this stage, never one the person already had.
        const recommendation = await deps.recommendations?.pick(userId, stage.id, tx);
        if (recommendation) await deps.recommendations?.record(userId, recommendation.id, tx);
        const keyboard = deps.keyboard(user.language, stage);
        const full = recommendation
          ? `${text}\n\n${deps.t(user.language, 'companion-recommendation', { title: recommendation.title })}`
          : text;
        const replyMarkup = recommendation
          ? {
              inline_keyboard: [
                ...keyboard.inline_keyboard,
                [{ text: recommendation.title.slice(0, 60), url: recommendation.url }],
              ],
            }
          : keyboard;
        const decision = {
          userId,
          trigger,
          decision: 'sent' as const,
          reason: recommendation ? `sent+recommendation:${recommendation.id}` : 'sent',
          localDate,
          text: full,
          at,
        };
        await log.write(decision, tx);
        await deps.notify(
          {
            chatId: user.telegramId as number,
            text: full,
            replyMarkup,
            dedupeKey: `companion:${userId}:${localDate}:${trigger}`,
          },
          { tx },
        );
        decisions.push(decision);
        return true;
      });
      if (!sent) await decide({ trigger, decision: 'skipped', reason: 'daily_cap', text: null });
      break;
    }
    return decisions;
  }

  return { run };
}

export type CheckIns = ReturnType<typeof createCheckIns>;
