import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Ai } from '../../platform/ai/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { localIsoDate } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import type { ActivityService } from './activity-service.ts';
import { companionProfiles, companionStageHistory } from './companion-tables.ts';
import type { JourneyFacts, JourneyStage } from './journey.ts';
import { judgeJourney } from './journey-judge.ts';

export interface Profile {
  summary: string;
  interests: string[];
  goals: string[];
  preferredTimes: string;
  stage: string;
  stageChangedAt: Date | null;
  editedByUser: boolean;
  checkinsEnabled: boolean;
  refreshedAt: Date | null;
  /** 0–100: how far along the stage (the model's reading, or the share of active days). */
  progress: number;
  progressReason: string;
  stageSource: 'model' | 'rules';
}

export type ProfilePatch = Partial<Pick<Profile, 'summary' | 'interests' | 'goals' | 'preferredTimes'>>;

export interface ProfileService {
  get(userId: string): Promise<Profile>;
  /** Creates the profile row on first sight; true when it was new. */
  ensure(userId: string): Promise<boolean>;
  /** The 24-hourly refresh: journey stage from the activity log, text from the model (or a template). */
  refresh(userId: string): Promise<{ stage: string; previous: string }>;
  edit(userId: string, patch: ProfilePatch): Promise<Profile>;
  erase(userId: string): Promise<void>;
  /** The check-ins setting (opt-out of proactive messages). */
  setCheckins(userId: string, enabled: boolean): Promise<void>;
  facts(userId: string): Promise<JourneyFacts>;
}

const DAY = 86_400_000;
const empty = (stage: string): Profile => ({
  summary: '',
  interests: [],
  goals: [],
  preferredTimes: '',
  stage,
  stageChangedAt: null,
  editedByUser: false,
  checkinsEnabled: true,
  refreshedAt: null,
  progress: 0,
  progressReason: '',
  stageSource: 'rules',
});

const generatedSchema = z.object({
  summary: z.string().max(1000),
  interests: z.array(z.string().max(60)).max(8),
  goals: z.array(z.string().max(120)).max(5),
  preferredTimes: z.string().max(120),
});

/** Template texts for the offline profile (Fluent, in the user's language). */
export type ProfileTemplates = (
  language: 'ru' | 'en',
  key: string,
  variables: Record<string, string | number>,
) => string;

export function createProfileService(deps: {
  db: Db;
  ai: Ai;
  users: UserService;
  activity: ActivityService;
  stages: readonly JourneyStage[];
  templates: ProfileTemplates;
  now: () => Date;
  /** The persona's name (admin settings) for the model's prompt. */
  persona?: () => Promise<string>;
  /** Someone switched check-ins off (engagement counts it). */
  onOptOut?: (userId: string, at: Date) => Promise<void>;
  log?: { warn(obj: object, msg?: string): void };
}): ProfileService {
  const { db, now } = deps;
  const initial = deps.stages.find((s) => s.id === 'newcomer')?.id ?? (deps.stages[0] as JourneyStage).id;
  const read = async (userId: string) =>
    (await db.select().from(companionProfiles).where(eq(companionProfiles.userId, userId)))[0] ?? null;
  const ensure = async (userId: string) => {
    const inserted = await db
      .insert(companionProfiles)
      .values({ userId, ...empty(initial), updatedAt: now() })
      .onConflictDoNothing()
      .returning({ userId: companionProfiles.userId });
    return inserted.length > 0;
  };

  async function facts(userId: string): Promise<JourneyFacts> {
    const user = await deps.users.getById(userId);
    if (!user) throw new DomainError('not_found', 'user_not_found', `No user ${userId}`);
    const at = now();
    const entries = await deps.activity.recent(userId, new Date(at.getTime() - 14 * DAY), 1000);
    const activeDays = new Set(entries.map((e) => localIsoDate(user.timezone, e.at)));
    const last = Math.max(user.lastSeenAt.getTime(), entries[0]?.at.getTime() ?? 0);
    return {
      accountAgeDays: Math.floor((at.getTime() - user.createdAt.getTime()) / DAY),
      // Calendar days in the person's timezone: last seen Monday evening = 3 days inactive on Thursday morning.
      inactiveDays: Math.round(
        DateTime.fromJSDate(at, { zone: user.timezone })
          .startOf('day')
          .diff(DateTime.fromMillis(last, { zone: user.timezone }).startOf('day'), 'days').days,
      ),
      activeDaysInLast14: activeDays.size,
    };
  }

  return {
    async get(userId) {
      const row = await read(userId);
      return row ? { ...row } : empty(initial);
    },
    ensure,
    facts,
    async refresh(userId) {
      await ensure(userId);
      const [user, row, known] = await Promise.all([deps.users.getById(userId), read(userId), facts(userId)]);
      if (!user || !row) throw new DomainError('not_found', 'user_not_found', `No user ${userId}`);
      const at = now();
      const counts = await deps.activity.countsSince(userId, new Date(at.getTime() - 30 * DAY));
      const journey = await judgeJourney({
        ai: deps.ai,
        stages: deps.stages,
        facts: known,
        activity: counts,
        previous: row.stage,
        language: user.language,
        persona: (await deps.persona?.()) ?? 'Secretary',
        rulesReason: (_stage, progress) =>
          deps.templates(user.language, 'companion-progress-rules', {
            days: known.activeDaysInLast14,
            progress,
          }),
        call: { userId, timezone: user.timezone },
        onNonsense: (why) =>
          deps.log?.warn({ userId, why }, 'journey: the model answer fell back to the rules'),
      });
      const stage = journey.stage;
      let text: Partial<z.infer<typeof generatedSchema>> = {};
      // The person's own words win until they erase them.
      if (!row.editedByUser) {
        const offline = () => ({
          summary: deps.templates(user.language, 'companion-profile-template', {
            stage,
            chats: counts['companion.chat'] ?? 0,
            done: (counts['task.done'] ?? 0) + (counts['reminder.done'] ?? 0),
            days: known.activeDaysInLast14,
          }),
          interests: row.interests,
          goals: row.goals,
          preferredTimes: row.preferredTimes,
        });
        const result = await deps.ai.generate(
          {
            op: 'companion.profile',
            system:
              `Write a short profile of an assistant's user in ${user.language === 'ru' ? 'Russian' : 'English'}` +
              ' from their activity: summary (2–3 sentences), interests, goals, preferredTimes (when they are active). ' +
              'Only what the data supports. JSON {summary, interests, goals, preferredTimes}.',
            prompt: JSON.stringify({ previous: row, stage, activity30Days: counts, facts: known }),
            schema: generatedSchema,
            offline,
          },
          { userId, timezone: user.timezone },
        );
        text = result.value;
      }
      await db
        .update(companionProfiles)
        .set({
          ...text,
          stage,
          ...(stage !== row.stage ? { stageChangedAt: at } : {}),
          progress: journey.progress,
          progressReason: journey.reason,
          stageSource: journey.source,
          refreshedAt: at,
          updatedAt: at,
        })
        .where(eq(companionProfiles.userId, userId));
      // The first reading and every change (engagement counts people per stage by week from these).
      if (stage !== row.stage || row.refreshedAt === null)
        await db.insert(companionStageHistory).values({ id: uuidv7(), userId, stage, at });
      return { stage, previous: row.stage };
    },
    async edit(userId, patch) {
      await ensure(userId);
      await db
        .update(companionProfiles)
        .set({ ...patch, editedByUser: true, updatedAt: now() })
        .where(eq(companionProfiles.userId, userId));
      return { ...((await read(userId)) as Profile) };
    },
    async setCheckins(userId, enabled) {
      await ensure(userId);
      const before = await read(userId);
      if (!enabled && before?.checkinsEnabled) await deps.onOptOut?.(userId, now());
      await db
        .update(companionProfiles)
        .set({ checkinsEnabled: enabled, updatedAt: now() })
        .where(eq(companionProfiles.userId, userId));
    },
    async erase(userId) {
      // What the person or the model wrote goes; the journey stage is the system's own reading and stays.
      const {
        stage: _stage,
        stageChangedAt: _changed,
        checkinsEnabled: _keep,
        progress: _progress,
        stageSource: _source,
        ...cleared
      } = empty(initial);
      await db
        .update(companionProfiles)
        .set({ ...cleared, updatedAt: now() })
        .where(eq(companionProfiles.userId, userId));
    },
  };
}
