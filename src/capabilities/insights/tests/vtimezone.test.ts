import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { generatedVtimezone, vtimezone } from '../calendar/vtimezone.ts';

const now = new Date('2037-03-02T08:00:00Z');
const observances = (block: string) =>
  [
    ...block.matchAll(
      /BEGIN:(STANDARD|DAYLIGHT)\r\n[\s\S]*?TZOFFSETFROM:(\S+)\r\nTZOFFSETTO:(\S+)\r\nDTSTART:(\S+)/g,
    ),
  ].map((m) => `${m[1]} ${m[4]} ${m[2]}→${m[3]}`);

describe('VTIMEZONE', () => {
  it('takes the library block and renames it to the exact TZID asked for (an alias)', () => {
    const kiev = vtimezone('Europe/Kiev', now) ?? '';
    expect(kiev).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Kiev\r\n/);
    expect(kiev).not.toContain('Kyiv');
    expect(kiev).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/);
    expect(vtimezone('America/New_York', now)).toMatch(/TZID:America\/New_York\r\n/);
  });

  it('generates the changes of a zone from the IANA data when the library lacks it', () => {
    const ny = generatedVtimezone('America/New_York', now) ?? '';
    const list = observances(ny);
    // 2036–2042 spelled out: two changes a year after the opening observance.
    expect(list).toHaveLength(1 + 2 * 7);
    expect(list).toContain('DAYLIGHT 20370308T020000 -0500→-0400');
    expect(list).toContain('STANDARD 20371101T020000 -0400→-0500');
    expect(observances(generatedVtimezone('Asia/Novosibirsk', now) ?? '')).toEqual([
      'STANDARD 20360101T070000 +0700→+0700',
    ]);
    expect(generatedVtimezone('Nowhere/Atlantis', now)).toBeNull();
    expect(vtimezone('Nowhere/Atlantis', now)).toBeNull();
  });

  it('a generated zone reads back in a real parser', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//test//EN',
      generatedVtimezone('America/New_York', now),
      'BEGIN:VEVENT',
      'UID:x@test',
      'DTSTAMP:20370301T000000Z',
      'DTSTART;TZID=America/New_York:20370309T093000',
      'SUMMARY:after the change',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const parsed = Object.values(ical.sync.parseICS(text));
    expect(parsed.some((c) => c?.type === 'VTIMEZONE')).toBe(true);
    const event = parsed.find((c): c is VEvent => c?.type === 'VEVENT');
    expect(event?.start.toISOString()).toBe('2037-03-09T13:30:00.000Z');
  });
});
