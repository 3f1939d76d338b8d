import { DateTime } from 'luxon';
import { quietHoursEnd } from '../../platform/time/quiet-hours.ts';

export const TRIGGERS = ['inactivity', 'deadline', 'streak', 'stage'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** The limits the gate enforces, whatever the model would like (admins set them inside HARD_LIMITS). */
export interface GateLimits {
  maxPerDay: number;
  /** Local minutes of the day [from, to): 480 and 1320 = 08:00 up to 21:59. */
  fromMinute: number;
  toMinute: number;
  cooldownHours: Record<Trigger, number>;
}

/** What no setting can exceed (SPEC 2.5, seed 004): two a day, 08:00–22:00 local, a week's cooldown. */
export const HARD_LIMITS = {
  maxPerDay: 2,
  fromMinute: 8 * 60,
  toMinute: 22 * 60,
  cooldownHours: 168,
} as const;

export const DEFAULT_LIMITS: GateLimits = {
  maxPerDay: 2,
  fromMinute: 8 * 60,
  toMinute: 22 * 60,
  cooldownHours: { inactivity: 48, deadline: 20, streak: 20, stage: 24 },
};

export type GateReason = 'opted_out' | 'outside_hours' | 'quiet_hours' | 'daily_cap' | 'cooldown';

export interface GateInput {
  at: Date;
  trigger: Trigger;
  timezone: string;
  quiet: { start: string | null; end: string | null };
  optedOut: boolean;
  /** Proactive messages already sent today (the user's local day). */
  sentToday: number;
  /** Last time this trigger sent to the user. */
  lastSentOfTrigger: Date | null;
}

/** The one gate every proactive candidate passes. Returns why not, or null when it may go. */
export function gate(input: GateInput, limits: GateLimits = DEFAULT_LIMITS): GateReason | null {
  if (input.optedOut) return 'opted_out';
  const local = DateTime.fromJSDate(input.at, { zone: input.timezone });
  const minute = local.hour * 60 + local.minute;
  // The hard window holds even if a stored setting were somehow wider.
  const from = Math.max(limits.fromMinute, HARD_LIMITS.fromMinute);
  const to = Math.min(limits.toMinute, HARD_LIMITS.toMinute);
  if (minute < from || minute >= to) return 'outside_hours';
  if (quietHoursEnd({ ...input.quiet, timezone: input.timezone }, input.at)) return 'quiet_hours';
  if (input.sentToday >= Math.min(limits.maxPerDay, HARD_LIMITS.maxPerDay)) return 'daily_cap';
  const cooldownMs = limits.cooldownHours[input.trigger] * 3_600_000;
  if (input.lastSentOfTrigger && input.at.getTime() - input.lastSentOfTrigger.getTime() < cooldownMs)
    return 'cooldown';
  return null;
}
