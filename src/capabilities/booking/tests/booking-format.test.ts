import { describe, expect, it } from 'vitest';
import { formatWhenFor, zoneDiffers, zoneLabel } from '../booking-format.ts';

// One convention for a booking time (issue 37, item 3): the salon's clock, labelled with its city
// only when the reader's own clock shows another time.
const t = (key: string, vars: Record<string, string | number>) =>
  ({
    'booking-zone-label': `[${vars.city}]`,
    'booking-zone-label-named': `(${vars.city})`,
  })[key] ?? key;
const at = new Date('2037-03-04T10:00:00Z');

describe('booking times across zones', () => {
  it('labels only when the clocks differ', () => {
    expect(zoneDiffers(at, 'Europe/London', 'Europe/London')).toBe(false);
    // Same offset that day (both UTC+1 in March): no label.
    expect(zoneDiffers(at, 'Europe/Berlin', 'Europe/Paris')).toBe(false);
    expect(zoneDiffers(at, 'Europe/London', 'America/New_York')).toBe(true);
    expect(zoneDiffers(at, 'Europe/London', null)).toBe(false);
  });

  it('names the city, in the Russian genitive when it is known', () => {
    expect(zoneLabel('America/New_York', 'en', t)).toBe('[New York]');
    expect(zoneLabel('Europe/London', 'ru', t)).toBe('[Лондона]');
    expect(zoneLabel('America/Argentina/Buenos_Aires', 'ru', t)).toBe('(Буэнос-Айрес)');
  });

  it('shows the salon time with the label for a reader elsewhere', () => {
    expect(formatWhenFor(at, 'Europe/London', { language: 'en', timezone: 'America/New_York' }, t)).toBe(
      'Wed 4 Mar, 10:00 [London]',
    );
    expect(formatWhenFor(at, 'Europe/London', { language: 'en', timezone: 'Europe/London' }, t)).toBe(
      'Wed 4 Mar, 10:00',
    );
  });
});
