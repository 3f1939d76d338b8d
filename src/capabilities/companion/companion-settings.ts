import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { companionSettings } from './companion-tables.ts';
import { DEFAULT_LIMITS, type GateLimits, HARD_LIMITS, TRIGGERS, type Trigger } from './proactive-gate.ts';

/** Tones the Mini App offers; the API takes any short description ("dry", "professional"). */
export const TONES = ['friendly', 'warm', 'calm', 'formal', 'playful'] as const;
export type Tone = string;

/** Who the companion is: its name in the model's system prompt and in the offline texts. */
export interface Persona {
  name: string;
  tone: Tone;
}

/** The admin's settings as the API speaks them (local HH:MM window, cooldown hours per trigger). */
export interface CompanionSettings {
  persona: Persona;
  limits: {
    per_day: number;
    window_start: string;
    window_end: string;
    cooldown_hours: Record<Trigger, number>;
  };
}

/** The API's cooldown: one number for every trigger, or hours per trigger. */
export type CooldownInput = number | Record<Trigger, number>;

/** Per trigger from the API's form (a number sets every trigger alike). */
export const cooldownPerTrigger = (value: CooldownInput): Record<Trigger, number> =>
  typeof value === 'number'
    ? (Object.fromEntries(TRIGGERS.map((t) => [t, value])) as Record<Trigger, number>)
    : value;

/** The API's form: one number when every trigger has the same cooldown, else hours per trigger. */
export function cooldownForApi(perTrigger: Record<Trigger, number>): CooldownInput {
  const values = TRIGGERS.map((t) => perTrigger[t]);
  return values.every((v) => v === values[0]) ? (values[0] as number) : perTrigger;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Today's constants: "Secretary", friendly, two a day between 08:00 and 22:00. */
export const DEFAULT_SETTINGS: CompanionSettings = {
  persona: { name: 'Secretary', tone: 'friendly' },
  limits: {
    per_day: DEFAULT_LIMITS.maxPerDay,
    window_start: hhmm(DEFAULT_LIMITS.fromMinute),
    window_end: hhmm(DEFAULT_LIMITS.toMinute),
    cooldown_hours: { ...DEFAULT_LIMITS.cooldownHours },
  },
};

export function gateLimits(settings: CompanionSettings): GateLimits {
  return {
    maxPerDay: settings.limits.per_day,
    fromMinute: minutesOf(settings.limits.window_start),
    toMinute: minutesOf(settings.limits.window_end),
    cooldownHours: settings.limits.cooldown_hours,
  };
}

/**
 * The hard limits no setting may pass (422 `limits_exceeded`, naming each): the shape itself is the
 * route's zod schema (400); these are well-formed values the seed forbids.
 */
export function checkHardLimits(settings: CompanionSettings): void {
  const problems: string[] = [];
  const { per_day, window_start, window_end, cooldown_hours } = settings.limits;
  if (per_day > HARD_LIMITS.maxPerDay) problems.push(`per_day: at most ${HARD_LIMITS.maxPerDay} a day`);
  const [start, end] = [minutesOf(window_start), minutesOf(window_end)];
  if (start < HARD_LIMITS.fromMinute) problems.push('window_start: not before 08:00');
  if (end > HARD_LIMITS.toMinute) problems.push('window_end: not after 22:00');
  if (start >= end) problems.push('window_end: must be after window_start');
  for (const trigger of TRIGGERS) {
    const hours = cooldown_hours[trigger];
    if (hours < 0 || hours > HARD_LIMITS.cooldownHours)
      problems.push(`cooldown_hours.${trigger}: between 0 and ${HARD_LIMITS.cooldownHours}`);
  }
  if (problems.length)
    throw new DomainError('unprocessable', 'limits_exceeded', problems.join('; '), { problems });
}

export interface SettingsStore {
  get(): Promise<CompanionSettings>;
  put(settings: CompanionSettings, by: string | null): Promise<CompanionSettings>;
}

export function createSettingsStore(deps: { db: Db; now: () => Date }): SettingsStore {
  const { db } = deps;
  const get = async (): Promise<CompanionSettings> => {
    const [row] = await db.select().from(companionSettings).where(eq(companionSettings.id, 1));
    if (!row) return DEFAULT_SETTINGS;
    return {
      persona: {
        name: row.personaName,
        tone: row.personaTone,
      },
      limits: {
        per_day: row.perDay,
        window_start: row.windowStart,
        window_end: row.windowEnd,
        cooldown_hours: { ...DEFAULT_LIMITS.cooldownHours, ...row.cooldownHours },
      },
    };
  };
  return {
    get,
    async put(settings, by) {
      checkHardLimits(settings);
      const values = {
        personaName: settings.persona.name,
        personaTone: settings.persona.tone,
        perDay: settings.limits.per_day,
        windowStart: settings.limits.window_start,
        windowEnd: settings.limits.window_end,
        cooldownHours: settings.limits.cooldown_hours,
        updatedBy: by,
        updatedAt: deps.now(),
      };
      await db
        .insert(companionSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: companionSettings.id, set: values });
      return get();
    },
  };
}
