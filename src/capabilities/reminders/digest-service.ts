import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import { HHMM, nextLocalTime } from '../../platform/time/index.ts';
import type { UserService } from '../../platform/users/user-service.ts';
import { reminderDigests } from './reminder-tables.ts';
import { type DigestJob, REMINDER_DIGEST_QUEUE } from './reminder-types.ts';

export interface DigestSettings {
  enabled: boolean;
  /** "HH:MM" in the user's timezone, or null when off. */
  time: string | null;
  nextAt: Date | null;
}

export interface DigestService {
  get(userId: string): Promise<DigestSettings>;
  /** "HH:MM" (user-local) switches the daily digest on at that time; null switches it off. */
  set(userId: string, time: string | null): Promise<DigestSettings>;
}

/**
 * The morning digest is one job per user per day at the user's local time, rescheduled by the job
 * itself (not a pg-boss cron): a job fires at the exact minute, its id is stored so a change of
 * the time cancels it in the same transaction, and each day's time is computed in the user's
 * current timezone (DST and moves included).
 */
export function createDigestService(deps: {
  db: Db;
  users: UserService;
  jobs: JobPort;
  now: () => Date;
}): DigestService {
  const { db, jobs, now } = deps;
  const off: DigestSettings = { enabled: false, time: null, nextAt: null };

  return {
    async get(userId) {
      const [row] = await db.select().from(reminderDigests).where(eq(reminderDigests.userId, userId));
      return row ? { enabled: true, time: row.localTime, nextAt: row.nextAt } : off;
    },
    async set(userId, time) {
      if (time !== null && !HHMM.test(time))
        throw new DomainError(
          'invalid',
          'digest_time_invalid',
          'The digest time must be HH:MM (00:00–23:59)',
        );
      return db.transaction(async (tx) => {
        const user = await deps.users.getById(userId, { tx });
        if (!user) throw new DomainError('not_found', 'user_not_found', `No user ${userId}`);
        const [existing] = await tx
          .select()
          .from(reminderDigests)
          .where(eq(reminderDigests.userId, userId))
          .for('update');
        if (existing) await jobs.cancel(REMINDER_DIGEST_QUEUE, existing.jobId, { tx });
        if (time === null) {
          if (existing) await tx.delete(reminderDigests).where(eq(reminderDigests.userId, userId));
          return off;
        }
        const nextAt = await scheduleDigest(tx, jobs, userId, nextLocalTime(user.timezone, time, now()));
        await tx
          .insert(reminderDigests)
          .values({ userId, localTime: time, nextAt: nextAt.at, jobId: nextAt.jobId, updatedAt: now() })
          .onConflictDoUpdate({
            target: reminderDigests.userId,
            set: { localTime: time, nextAt: nextAt.at, jobId: nextAt.jobId, updatedAt: now() },
          });
        return { enabled: true, time, nextAt: nextAt.at };
      });
    },
  };
}

/** Enqueues the digest job at `at` inside the transaction; returns what to store. */
export async function scheduleDigest(
  tx: Tx,
  jobs: JobPort,
  userId: string,
  at: Date,
): Promise<{ at: Date; jobId: string }> {
  const jobId = uuidv7();
  await jobs.send<DigestJob>(REMINDER_DIGEST_QUEUE, { userId }, { startAfter: at, tx, id: jobId });
  return { at, jobId };
}
