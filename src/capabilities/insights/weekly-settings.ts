import { eq } from 'drizzle-orm';
import type { BotContext } from '../../bot/bot-context.ts';
import type { Schedules } from '../../platform/capability/schedules.ts';
import type { SettingDefinition } from '../../platform/capability/settings.ts';
import type { Db } from '../../platform/db/database.ts';
import type { MenuEntry } from '../capability.ts';
import { weeklyReports } from './weekly-tables.ts';

export const WEEKLY_SCHEDULE = 'insights.weekly';
/** Sunday 19:00 local unless the user chose otherwise. */
export const WEEKLY_DEFAULT = { weekday: 7, time: '19:00' };
/** ISO weekday 1 (Monday) … 7 (Sunday) as a setting's choices. */
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The weekly report's three settings in /settings and the settings API: on/off (the schedule
 * itself), the local day and the local time. The day and time are kept while it is off; changing
 * them while it is on moves the schedule. "off" typed for the time switches it off.
 */
export function createWeeklySettings(deps: { db: Db; schedules: Schedules; now: () => Date }) {
  const { db, schedules } = deps;
  const prefs = async (userId: string) => {
    const [row] = await db.select().from(weeklyReports).where(eq(weeklyReports.userId, userId));
    return row ? { weekday: row.weekday, time: row.localTime } : WEEKLY_DEFAULT;
  };
  const isOn = async (userId: string) => (await schedules.get(userId, WEEKLY_SCHEDULE)) !== null;
  const arm = async (userId: string, p: { weekday: number; time: string }) => {
    await schedules.set(userId, WEEKLY_SCHEDULE, { time: p.time, weekdays: [p.weekday] });
  };
  const save = async (userId: string, change: Partial<{ weekday: number; time: string }>) => {
    const next = { ...(await prefs(userId)), ...change };
    await db
      .insert(weeklyReports)
      .values({ userId, weekday: next.weekday, localTime: next.time, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: weeklyReports.userId,
        set: { weekday: next.weekday, localTime: next.time, updatedAt: deps.now() },
      });
    if (await isOn(userId)) await arm(userId, next);
  };
  const turnOn = async (userId: string) => arm(userId, await prefs(userId));

  const settings: SettingDefinition[] = [
    {
      key: 'insights.weekly',
      labelKey: 'insights-setting-weekly',
      kind: 'toggle',
      default: false,
      store: {
        get: isOn,
        set: async (userId, value) => {
          if (value === true) await turnOn(userId);
          else await schedules.set(userId, WEEKLY_SCHEDULE, null);
        },
      },
    },
    {
      key: 'insights.weekly-day',
      labelKey: 'insights-setting-weekly-day',
      kind: 'choice',
      choices: DAYS,
      default: 'sun',
      store: {
        get: async (userId) => DAYS[(await prefs(userId)).weekday - 1] ?? 'sun',
        set: (userId, value) => save(userId, { weekday: DAYS.indexOf(value as (typeof DAYS)[number]) + 1 }),
      },
    },
    {
      key: 'insights.weekly-time',
      labelKey: 'insights-setting-weekly-time',
      kind: 'time',
      default: WEEKLY_DEFAULT.time,
      store: {
        get: async (userId) => (await prefs(userId)).time,
        set: async (userId, value) => {
          if (typeof value === 'string') await save(userId, { time: value });
          else await schedules.set(userId, WEEKLY_SCHEDULE, null);
        },
      },
    },
  ];

  /** The one-tap opt-in under the last onboarding message. */
  const offer: MenuEntry = {
    id: 'weekly',
    labelKey: 'insights-offer-weekly',
    async open(ctx: BotContext) {
      await turnOn(ctx.user.id);
      const p = await prefs(ctx.user.id);
      await ctx.reply(
        ctx.t('insights-offer-weekly-done', {
          day: ctx.t(`insights-setting-weekly-day-${DAYS[p.weekday - 1] ?? 'sun'}`),
          time: p.time,
        }),
      );
    },
  };
  return { settings, offer };
}
