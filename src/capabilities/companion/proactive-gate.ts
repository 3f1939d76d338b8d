import { DateTime } from 'luxon';
import { quietHoursEnd } from '../../platform/time/quiet-hours.ts';

export const TRIGGERS = ['inactivity', 'deadline', 'streak', 'stage'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** The hard limits (SPEC 2.5): enforced here, whatever the model would like. */
export interface GateLimits {
  maxPerDay: number;
  /** Local hours [from, to): 8 and 22 = 08:00 up to 21:59. */
  fromHour: number;
  toHour: number;
  cooldownHours: Record<Trigger, number>;
}

export const DEFAULT_LIMITS: GateLimits = {
  maxPerDay: 2,
  fromHour: 8,
  toHour: 22,
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
  const hour = DateTime.fromJSDate(input.at, { zone: input.timezone }).hour;
  if (hour < limits.fromHour || hour >= limits.toHour) return 'outside_hours';
  if (quietHoursEnd({ ...input.quiet, timezone: input.timezone }, input.at)) return 'quiet_hours';
  if (input.sentToday >= limits.maxPerDay) return 'daily_cap';
  const cooldownMs = limits.cooldownHours[input.trigger] * 3_600_000;
  if (input.lastSentOfTrigger && input.at.getTime() - input.lastSentOfTrigger.getTime() < cooldownMs)
    return 'cooldown';
  return null;
}
