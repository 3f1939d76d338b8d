import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { createI18n } from '../../../bot/i18n.ts';
import {
  aiConfigSchema,
  createAi,
  createMemoryUsageStore,
  offlineAiConfig,
} from '../../../platform/ai/index.ts';
import { createLogger } from '../../../platform/observability/logger.ts';
import type { NotifyMessage } from '../../../platform/telegram/index.ts';
import { createUserService } from '../../../platform/users/user-service.ts';
import { createActivityService } from '../activity-service.ts';
import type { AgendaSource } from '../agenda.ts';
import { COMPANION_LOCALES } from '../bot/companion-feature.ts';
import { createCheckIns } from '../check-ins.ts';
import { quickReplies } from '../companion-callbacks.ts';
import { createSettingsStore } from '../companion-settings.ts';
import { loadStages } from '../journey.ts';
import { createProactiveLog } from '../proactive-log.ts';
import { createProfileService } from '../profile-service.ts';

/** The companion's services on a real test database, a movable clock and a recording notify. */
export async function companionFixture(options: { aiUrl?: string; start: string }) {
  const testDb = await createTestDatabase();
  const db = testDb.database.db;
  let now = new Date(options.start);
  const clock = { now: () => now, set: (iso: string) => (now = new Date(iso)) };
  const users = createUserService({ db });
  const i18n = createI18n([COMPANION_LOCALES]);
  const t = (language: string, key: string, v?: Record<string, string | number>) => i18n.t(language, key, v);
  const logger = createLogger({ level: 'silent', pretty: false });
  const ai = createAi({
    config: options.aiUrl
      ? aiConfigSchema.parse({
          AI_PROVIDER: 'openai-compatible',
          AI_MODEL: 'llama3.1',
          AI_BASE_URL: options.aiUrl,
        })
      : offlineAiConfig,
    usageStore: createMemoryUsageStore(),
    clock,
    logger,
  });
  const stages = loadStages();
  const activity = createActivityService({ db, now: clock.now });
  const profiles = createProfileService({ db, ai, users, activity, stages, templates: t, now: clock.now });
  const dueSoon: Array<{ title: string; dueAt: Date | null }> = [];
  const agenda: AgendaSource = {
    today: async () => ({ tasks: [], reminders: [] }),
    dueSoon: async () => dueSoon,
  };
  const sent: NotifyMessage[] = [];
  const log = createProactiveLog(db);
  const settings = createSettingsStore({ db, now: clock.now });
  const checkIns = createCheckIns({
    db,
    ai,
    notify: async (message) => {
      sent.push(message);
      return 'job';
    },
    users,
    profiles,
    activity,
    agenda,
    log,
    stages,
    settings,
    inactiveDays: 3,
    t,
    keyboard: (language, stage) => quickReplies(t, language, stage),
    now: clock.now,
  });
  /** A person seen at the clock's current moment. */
  const person = async (telegramId: number, timezone = 'Europe/Berlin') => {
    const user = await users.upsertFromTelegram({
      id: telegramId,
      first_name: `p${telegramId}`,
      language_code: 'en',
    });
    await users.updateSettings(user.id, { timezone });
    await testDb.database.raw.query('UPDATE users SET created_at = $1, last_seen_at = $1 WHERE id = $2', [
      now.toISOString(),
      user.id,
    ]);
    await profiles.ensure(user.id);
    return user.id;
  };
  return {
    testDb,
    db,
    clock,
    users,
    activity,
    profiles,
    checkIns,
    settings,
    log,
    sent,
    dueSoon,
    person,
    close: () => testDb.close(),
  };
}
