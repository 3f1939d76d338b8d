// The Book and Schedule pages' time logic: what day and time a person sees in their own timezone.
import { describe, expect, it } from 'vitest';
import * as bot from '../../src/capabilities/booking/zone-names.ts';
import { actionsFor, type Booking, openBookings } from '../../web/src/capabilities/booking/booking-api.ts';
import { centsOf, priceInput, priceLabel } from '../../web/src/capabilities/booking/booking-price.ts';
import {
  addDays,
  choosableSlots,
  dayKey,
  dayLabel,
  fromToday,
  groupByDay,
  salonTime,
  salonWhen,
  sameClock,
  timeLabel,
  zoneWords,
} from '../../web/src/capabilities/booking/booking-time.ts';
import * as web from '../../web/src/capabilities/booking/zone-cities.ts';

const slot = (start: string, specialist_id = 'a') => ({ start, end: start, specialist_id });

describe('booking times in the user’s timezone', () => {
  it('groups by the user’s day, not the salon’s: 23:30 in Berlin is the next day in Tokyo', () => {
    const items = [
      slot('2026-12-03T09:00:00+01:00'),
      slot('2026-12-02T23:30:00+01:00'),
      slot('2026-12-02T10:00:00+01:00'),
    ];
    expect(groupByDay(items, 'Europe/Berlin').map((d) => [d.day, d.items.length])).toEqual([
      ['2026-12-02', 2],
      ['2026-12-03', 1],
    ]);
    const tokyo = groupByDay(items, 'Asia/Tokyo');
    expect(tokyo.map((d) => d.day)).toEqual(['2026-12-02', '2026-12-03']);
    // Tokyo's 3 December holds 23:30 and 09:00 Berlin, in time order.
    expect(tokyo[1]?.items.map((s) => timeLabel(s.start, 'en', 'Asia/Tokyo'))).toEqual(['07:30', '17:00']);
  });

  it('writes times and days in the user’s language', () => {
    expect(timeLabel('2026-12-02T10:00:00+01:00', 'ru', 'Europe/Moscow')).toBe('12:00');
    expect(dayLabel('2026-12-02', 'en')).toBe('Wed 2 Dec');
    expect(dayLabel('2026-12-02', 'ru')).toMatch(/^ср,? 2 дек/);
  });

  it('counts days across a month end and a DST change', () => {
    expect(addDays('2026-12-30', 13)).toBe('2027-01-12');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(dayKey(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
  });

  it('offers "anyone" one choice per moment, and a specialist only their own slots', () => {
    const slots = [
      slot('2026-12-02T10:00:00+01:00', 'a'),
      slot('2026-12-02T10:00:00+01:00', 'b'),
      slot('2026-12-02T11:00:00+01:00', 'b'),
    ];
    expect(choosableSlots(slots, null).map((s) => s.specialist_id)).toEqual(['a', 'b']);
    expect(choosableSlots(slots, 'b')).toHaveLength(2);
    expect(choosableSlots(slots, 'c')).toEqual([]);
  });

  it('lists only bookings still ahead or under way, soonest first', () => {
    const b = (id: string, status: Booking['status'], start: string, end: string) =>
      ({ id, status, start, end }) as Booking;
    const now = new Date('2026-12-02T10:30:00Z');
    const list = [
      b('later', 'pending', '2026-12-03T09:00:00Z', '2026-12-03T10:00:00Z'),
      b('now', 'confirmed', '2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z'),
      b('past', 'confirmed', '2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
      b('cancelled', 'cancelled', '2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z'),
    ];
    expect(openBookings(list, now).map((x) => x.id)).toEqual(['now', 'later']);
  });

  it('a schedule starts at the user’s midnight and leaves out cancelled bookings', () => {
    const b = (id: string, status: Booking['status'], start: string) => ({ id, status, start });
    const now = new Date('2026-12-02T10:00:00Z');
    const list = [
      b('yesterday-late-utc', 'confirmed', '2026-12-01T23:30:00Z'),
      b('cancelled', 'cancelled', '2026-12-02T12:00:00Z'),
      b('done-today', 'done', '2026-12-02T08:00:00Z'),
    ];
    // 23:30 UTC on 1 December is already 2 December in Berlin.
    expect(fromToday(list, now, 'Europe/Berlin').map((x) => x.id)).toEqual([
      'yesterday-late-utc',
      'done-today',
    ]);
    expect(fromToday(list, now, 'UTC').map((x) => x.id)).toEqual(['done-today']);
  });

  it('offers confirm/decline while pending, cancel before the start, came/no-show after it', () => {
    const at = (status: Booking['status']) =>
      ({ status, start: '2026-12-02T10:00:00Z', end: '2026-12-02T11:00:00Z' }) as Booking;
    const before = new Date('2026-12-02T09:00:00Z');
    const after = new Date('2026-12-02T10:05:00Z');
    expect(actionsFor(at('pending'), before)).toEqual(['confirm', 'decline', 'cancel']);
    expect(actionsFor(at('confirmed'), before)).toEqual(['cancel']);
    expect(actionsFor(at('confirmed'), after)).toEqual(['complete', 'no-show']);
    expect(actionsFor(at('done'), after)).toEqual([]);
  });
});

describe('one convention for booking times: the salon’s clock, named when the viewer’s differs', () => {
  const at = '2026-12-02T15:00:00+00:00';

  it('says the salon’s time alone when the viewer’s clock reads the same', () => {
    expect(salonTime(at, 'en', 'Europe/London', 'Europe/London')).toBe('15:00');
    // Lisbon and London share a clock in December: nothing to name.
    expect(salonTime(at, 'ru', 'Europe/London', 'Europe/Lisbon')).toBe('15:00');
  });

  it('names the salon’s city as the bot does when the viewer is elsewhere', () => {
    expect(salonTime(at, 'en', 'Europe/London', 'America/New_York')).toBe('15:00 London time');
    expect(salonTime(at, 'ru', 'Europe/London', 'America/New_York')).toBe('15:00 по времени Лондона');
    expect(salonWhen(at, 'en', 'America/New_York', 'Europe/London')).toBe('Wed 2 Dec, 10:00 New York time');
    // A city without a Russian genitive in the list: the zone's Russian name, in brackets.
    expect(zoneWords('America/Argentina/Buenos_Aires', 'ru')).toMatch(/^\(время: .+\)$/);
  });

  it('reads a salon day by the salon’s clock: 23:30 in London is still 2 December there', () => {
    expect(salonWhen('2026-12-02T23:30:00+00:00', 'en', 'Europe/London', 'Asia/Tokyo')).toBe(
      'Wed 2 Dec, 23:30 London time',
    );
    expect(sameClock('2026-12-02T23:30:00Z', 'Europe/London', 'Asia/Tokyo')).toBe(false);
  });
});

describe('prices', () => {
  it('are written in the business’s currency for the reader’s language, plain without one', () => {
    expect(priceLabel(3050, 'GBP', 'en')).toBe('£30.50');
    expect(priceLabel(3250, 'GBP', 'ru')).toMatch(/^32,50\s£$/);
    expect(priceLabel(150000, 'RUB', 'ru')).toMatch(/^1\s500,00\s₽$/);
    expect(priceLabel(2500, null, 'en')).toBe('25.00');
  });

  it('are read as typed, with a dot or a comma; anything else is no price', () => {
    expect(centsOf('25')).toBe(2500);
    expect(centsOf('25.5')).toBe(2550);
    expect(centsOf('1 500,50')).toBe(150050);
    expect(centsOf('-5')).toBeNull();
    expect(centsOf('2.505')).toBeNull();
    expect(centsOf('twenty')).toBeNull();
    expect(priceInput(2500)).toBe('25');
    expect(priceInput(3050)).toBe('30.50');
    expect(priceInput(null)).toBe('');
  });
});

describe('the Mini App names a zone as the bot does', () => {
  it('gives every IANA zone the same city, Russian genitive and Russian name as the bot (one list kept in step)', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      expect([web.zoneCity(zone), web.zoneCityGenitiveRu(zone), web.zoneNameRu(zone)], zone).toEqual([
        bot.zoneCity(zone),
        bot.zoneCityGenitiveRu(zone),
        bot.zoneNameRu(zone),
      ]);
    }
  });
});
