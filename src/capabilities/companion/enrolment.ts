import { and, eq, isNotNull, notExists } from 'drizzle-orm';
import type { ErasurePort } from '../../platform/capability/erasure.ts';
import type { Schedules } from '../../platform/capability/schedules.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { users } from '../../platform/db/schema.ts';
import type { ActivityService } from './activity-service.ts';
import { companionProfiles } from './companion-tables.ts';
import type { ProfileService } from './profile-service.ts';

export const ENROL_QUEUE = 'companion.enrol';

/**
 * What other capabilities may call. What people do elsewhere (tasks done, reminders snoozed, notes
 * filed, bookings) reaches the activity log through the platform's activity hub (`onActivity`).
 */
export interface CompanionService {
  /** Starts the profile refresh and the check-in schedules for a user (idempotent). */
  enrol(userId: string): Promise<void>;
  /** Enrols every user without a profile; returns how many (an hourly job). */
  enrolAll(): Promise<number>;
}

/** When the per-user jobs run, local time. */
const TIMES = { profile: '04:00', morning: '08:00', evening: '19:00' } as const;

export function createEnrolment(deps: {
  database: Database;
  db: Db;
  schedules: Schedules;
  profiles: ProfileService;
  activity: ActivityService;
  names: { profile: string; morning: string; evening: string };
  /** What other capabilities do first (bookings ahead cancelled, the business told). */
  erasure: ErasurePort;
}) {
  const enrol = async (userId: string) => {
    if (!(await deps.profiles.ensure(userId))) return;
    for (const key of ['profile', 'morning', 'evening'] as const)
      await deps.schedules.set(userId, deps.names[key], { time: TIMES[key] });
  };
  const service: CompanionService = {
    enrol,
    async enrolAll() {
      const missing = await deps.db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            isNotNull(users.telegramId),
            notExists(deps.db.select().from(companionProfiles).where(eq(companionProfiles.userId, users.id))),
          ),
        );
      for (const { id } of missing) await enrol(id);
      return missing.length;
    },
  };
  return {
    service,
    optOut: (userId: string) => deps.profiles.setCheckins(userId, false),
    /**
     * /forget: every capability's rows reference `users` with ON DELETE CASCADE, so deleting the
     * person erases tasks, reminders, notes, bookings, settings, schedules and the companion's data
     * at once, after the capabilities' own steps (`deps.erasure`) in the same transaction.
     * (A platform `users.erase` would be the right home; v2 has none yet.)
     */
    async eraseUser(user: { id: string; language: string }) {
      await deps.db.transaction(async (tx) => {
        await deps.erasure.erase({ userId: user.id, language: user.language }, tx);
        await tx.delete(users).where(eq(users.id, user.id));
      });
    },
  };
}
