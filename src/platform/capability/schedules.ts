import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { JobPort, QueueDefinition } from '../jobs/job-queue.ts';
import type { Logger } from '../observability/logger.ts';
import { HHMM, localIsoDate, nextLocalTime } from '../time/local-time.ts';
import type { UserService } from '../users/user-service.ts';
import { userSchedules } from './platform-tables.ts';

/** A per-user local-time job a capability declares (`<capability>.<name>`: digest, weekly report, check-in). */
export interface ScheduleDefinition {
  name: string;
}

/** "HH:MM" in the user's timezone on ISO weekdays (1 = Monday … 7 = Sunday; none = every day). */
export interface ScheduleRule {
  time: string;
  weekdays?: readonly number[];
}

/** Runs once per firing; throwing retries it (so make it idempotent per `localDate`). */
export type ScheduleHandler = (run: { userId: string; firedAt: Date; localDate: string }) => Promise<void>;

export interface Schedules {
  /** Switches a user's schedule on (or moves it) or off (`null`); returns the next firing. */
  set(userId: string, name: string, rule: ScheduleRule | null, options?: { tx?: Tx }): Promise<Date | null>;
  get(userId: string, name: string): Promise<(ScheduleRule & { nextAt: Date }) | null>;
}

export const SCHEDULES_QUEUE: QueueDefinition = {
  name: 'platform.schedules',
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 300,
};

interface ScheduleJob {
  userId: string;
  name: string;
}

/**
 * One pending job per (user, schedule), its id stored beside the rule: a change cancels it in the
 * same transaction, and each firing computes the next in the user's current timezone (moves, DST).
 */
export function createSchedules(deps: {
  db: Db;
  jobs: JobPort;
  users: UserService;
  now: () => Date;
  names: readonly string[];
}): Schedules & { work(handlers: ReadonlyMap<string, ScheduleHandler>, logger: Logger): Promise<void> } {
  const { db, jobs, now } = deps;
  const known = new Set(deps.names);
  const where = (userId: string, name: string) =>
    and(eq(userSchedules.userId, userId), eq(userSchedules.name, name));
  const arm = async (tx: Tx, userId: string, name: string, rule: ScheduleRule, after: Date) => {
    const user = await deps.users.getById(userId, { tx });
    if (!user) throw new DomainError('not_found', 'user_not_found', `No user ${userId}`);
    const nextAt = nextLocalTime(user.timezone, rule.time, after, rule.weekdays ?? []);
    const jobId = uuidv7();
    await jobs.send<ScheduleJob>(
      SCHEDULES_QUEUE.name,
      { userId, name },
      { startAfter: nextAt, tx, id: jobId },
    );
    return { nextAt, jobId };
  };

  const set: Schedules['set'] = async (userId, name, rule, options = {}) => {
    if (!known.has(name)) throw new Error(`Schedule "${name}" is not declared by any capability`);
    if (
      rule &&
      (!HHMM.test(rule.time) || (rule.weekdays ?? []).some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    )
      throw new DomainError('invalid', 'schedule_invalid', 'A schedule is "HH:MM" on weekdays 1–7');
    const run = async (tx: Tx) => {
      const [existing] = await tx.select().from(userSchedules).where(where(userId, name)).for('update');
      if (existing) await jobs.cancel(SCHEDULES_QUEUE.name, existing.jobId, { tx });
      if (!rule) {
        if (existing) await tx.delete(userSchedules).where(where(userId, name));
        return null;
      }
      const next = await arm(tx, userId, name, rule, now());
      const values = {
        localTime: rule.time,
        weekdays: [...(rule.weekdays ?? [])],
        ...next,
        updatedAt: now(),
      };
      await tx
        .insert(userSchedules)
        .values({ userId, name, ...values })
        .onConflictDoUpdate({ target: [userSchedules.userId, userSchedules.name], set: values });
      return next.nextAt;
    };
    return options.tx ? run(options.tx) : db.transaction(run);
  };

  return {
    set,
    async get(userId, name) {
      const [row] = await db.select().from(userSchedules).where(where(userId, name));
      return row ? { time: row.localTime, weekdays: row.weekdays, nextAt: row.nextAt } : null;
    },
    async work(handlers, logger) {
      for (const name of known)
        if (!handlers.has(name)) throw new Error(`Schedule "${name}" is declared but has no handler`);
      await jobs.work<ScheduleJob>(
        SCHEDULES_QUEUE.name,
        async (job) => {
          const { userId, name } = job.data;
          const [row] = await db.select().from(userSchedules).where(where(userId, name));
          // Switched off or moved since this job was queued: the newer job (if any) does the work.
          if (row?.jobId !== job.id) return { skipped: 'stale' };
          const user = await deps.users.getById(userId);
          const handler = handlers.get(name);
          if (!user || !handler) return { skipped: 'gone' };
          await handler({ userId, firedAt: row.nextAt, localDate: localIsoDate(user.timezone, row.nextAt) });
          await db.transaction(async (tx) => {
            const rule = { time: row.localTime, weekdays: row.weekdays };
            const next = await arm(tx, userId, name, rule, row.nextAt);
            await tx
              .update(userSchedules)
              .set({ ...next, updatedAt: now() })
              .where(and(where(userId, name), eq(userSchedules.jobId, job.id)));
          });
          logger.debug({ schedule: name, user_id: userId }, 'schedule fired');
          return { fired: name };
        },
        { concurrency: 2 },
      );
    },
  };
}
