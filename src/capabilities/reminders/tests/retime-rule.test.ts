import { describe, expect, it } from 'vitest';
import { retimeRule } from '../bot/edit-flow.ts';

// "🕒 Time" on a repeating reminder keeps the repetition and moves its clock time.
describe('retimeRule', () => {
  const at = new Date('2027-04-06T07:30:00Z'); // 10:30 in Moscow
  it('moves the clock time of a daily or weekly rule, in the reminder’s timezone', () => {
    expect(retimeRule('FREQ=DAILY;BYHOUR=20;BYMINUTE=0', at, 'Europe/Moscow')).toBe(
      'FREQ=DAILY;BYHOUR=10;BYMINUTE=30',
    );
    expect(retimeRule('FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=9;BYMINUTE=15;BYSECOND=0', at, 'Europe/London')).toBe(
      'FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=8;BYMINUTE=30',
    );
    expect(retimeRule('FREQ=DAILY;BYHOUR=9', at, 'Europe/Moscow')).toBe('FREQ=DAILY;BYHOUR=10;BYMINUTE=30');
  });

  it('leaves a rule without a clock time alone (the new start anchors it)', () => {
    expect(retimeRule('FREQ=HOURLY;INTERVAL=2', at, 'Europe/Moscow')).toBe('FREQ=HOURLY;INTERVAL=2');
  });
});
