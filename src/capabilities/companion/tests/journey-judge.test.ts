import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { progressBar } from '../bot/companion-feature.ts';
import { checkHardLimits, DEFAULT_SETTINGS, gateLimits } from '../companion-settings.ts';
import { loadStages } from '../journey.ts';
import { nonsense, possibleStages, rulesProgress } from '../journey-judge.ts';
import { gate } from '../proactive-gate.ts';

const stages = loadStages();
const newcomer = { accountAgeDays: 2, inactiveDays: 0, activeDaysInLast14: 2 };
const veteran = { accountAgeDays: 60, inactiveDays: 10, activeDaysInLast14: 0 };
const answer = (stage: string, progress = 40, reason = 'Two tasks done this week.') => ({
  stage,
  progress,
  reason,
});

describe('the model’s journey answer, checked by the rules', () => {
  it('allows only stages the account’s age allows', () => {
    expect(possibleStages(stages, newcomer)).toEqual(['newcomer', 'regular', 'settling-in']);
    expect(possibleStages(stages, veteran)).toEqual(['drifting-away', 'regular', 'settling-in']);
  });
  it('keeps a sensible answer', () => {
    expect(nonsense(stages, newcomer, answer('regular'))).toBeNull();
    expect(nonsense(stages, veteran, answer('drifting-away', 0))).toBeNull();
  });
  it('refuses an unknown stage, a progress outside 0–100, an impossible jump and an empty reason', () => {
    expect(nonsense(stages, newcomer, answer('enlightened'))).toMatch(/unknown stage/);
    expect(nonsense(stages, newcomer, answer('regular', 140))).toMatch(/outside 0–100/);
    expect(nonsense(stages, newcomer, answer('regular', -1))).toMatch(/outside 0–100/);
    expect(nonsense(stages, newcomer, answer('regular', Number.NaN))).toMatch(/outside 0–100/);
    // Drifting away two days after joining, or a newcomer after two months: the rules say impossible.
    expect(nonsense(stages, newcomer, answer('drifting-away'))).toMatch(/impossible/);
    expect(nonsense(stages, veteran, answer('newcomer'))).toMatch(/impossible/);
    expect(nonsense(stages, newcomer, answer('regular', 40, '  '))).toMatch(/no reason/);
  });
  it('the rules’ progress is the share of the last 14 days with activity', () => {
    expect(rulesProgress({ ...newcomer, activeDaysInLast14: 7 })).toBe(50);
    expect(rulesProgress({ ...newcomer, activeDaysInLast14: 14 })).toBe(100);
    expect(rulesProgress(veteran)).toBe(0);
    expect(progressBar(50)).toBe('▰▰▰▰▰▱▱▱▱▱');
    expect(progressBar(0)).toBe('▱'.repeat(10));
  });
});

describe('the admin’s limits inside the hard limits', () => {
  const limits = (patch: Partial<(typeof DEFAULT_SETTINGS)['limits']>) => ({
    ...DEFAULT_SETTINGS,
    limits: { ...DEFAULT_SETTINGS.limits, ...patch },
  });
  const refused = (patch: Partial<(typeof DEFAULT_SETTINGS)['limits']>) => {
    try {
      checkHardLimits(limits(patch));
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).message;
    }
    return null;
  };
  it('refuses more than 2 a day, a window outside 08:00–22:00 or backwards, a cooldown past a week', () => {
    expect(refused({})).toBeNull();
    expect(refused({ per_day: 3 })).toMatch(/per_day/);
    expect(refused({ window_start: '07:30' })).toMatch(/window_start/);
    expect(refused({ window_end: '22:30' })).toMatch(/window_end/);
    expect(refused({ window_start: '12:00', window_end: '12:00' })).toMatch(/after window_start/);
    expect(refused({ cooldown_hours: { ...DEFAULT_SETTINGS.limits.cooldown_hours, stage: 169 } })).toMatch(
      /cooldown_hours.stage/,
    );
  });
  it('the gate keeps the admin’s window and daily number', () => {
    const narrow = gateLimits(limits({ per_day: 1, window_start: '09:30', window_end: '18:00' }));
    const base = {
      trigger: 'inactivity' as const,
      timezone: 'Europe/Berlin',
      quiet: { start: null, end: null },
      optedOut: false,
      sentToday: 0,
      lastSentOfTrigger: null,
    };
    // Berlin is UTC+1 in March 2037.
    expect(gate({ ...base, at: new Date('2037-03-05T08:29:00Z') }, narrow)).toBe('outside_hours');
    expect(gate({ ...base, at: new Date('2037-03-05T08:30:00Z') }, narrow)).toBeNull();
    expect(gate({ ...base, at: new Date('2037-03-05T17:00:00Z') }, narrow)).toBe('outside_hours');
    expect(gate({ ...base, at: new Date('2037-03-05T10:00:00Z'), sentToday: 1 }, narrow)).toBe('daily_cap');
    // A stored value past the hard limits (edited by hand in the database) still cannot pass them.
    const wide = { ...narrow, maxPerDay: 5, fromMinute: 6 * 60, toMinute: 23 * 60 };
    expect(gate({ ...base, at: new Date('2037-03-05T06:00:00Z') }, wide)).toBe('outside_hours');
    expect(gate({ ...base, at: new Date('2037-03-05T10:00:00Z'), sentToday: 2 }, wide)).toBe('daily_cap');
  });
});
