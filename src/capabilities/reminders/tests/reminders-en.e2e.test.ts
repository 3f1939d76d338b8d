import type { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat, SandboxMessage, SandboxUser } from '../../../sandbox/client.ts';
import { expectSilence, jumpTo, lastId, person, startClockedSystem, waitMessage } from './e2e-support.ts';

// Friday 12 March 2026, 07:00 in New York. The US moves to summer time on Sunday 14 March.
let t: TestSystem;
let clock: TestClock;
let ann: { user: SandboxUser; chat: SandboxChat; userId: string };
let dstDay: SandboxMessage;
beforeAll(async () => {
  ({ t, clock } = await startClockedSystem('2027-03-12T12:00:00Z'));
  ann = await person(t, 'ann', 'en', 'America/New_York');
});
afterAll(() => t.close());

describe('en: a daily reminder through a DST change', () => {
  it('is set from free text', async () => {
    await ann.user.send('/remind every day at 8:30 stand-up');
    const set = await ann.chat.nextMessage(/Reminder set/);
    expect(set.text).toBe('⏰ Reminder set: “Stand-up”\nRepeats every day at 08:30\nNext: Fri 12 Mar, 08:30');
  });

  it('fires at 08:30 with buttons; Done closes it and edits the message', async () => {
    const since = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-12T13:29:50Z');
    await expectSilence(clock, ann.chat, since, 8);
    const fired = await waitMessage(clock, ann.chat, /^⏰ Stand-up$/, since);
    expect(fired.buttons()).toEqual(['✅ Done', '⏭ Skip', '💤 15 min', '💤 1 h', '🌅 Tomorrow 9:00']);
    expect((await fired.click('✅ Done')).answer?.text).toBe('✅ Done');
    const edited = await ann.chat.waitForEdit(fired, /✅ Done$/);
    expect(edited.text).toBe('⏰ Stand-up\n\n✅ Done');
    expect(edited.buttons()).toEqual([]);
  });

  it('the next day: snooze 15 min moves that occurrence only, then Skip', async () => {
    const since = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-13T13:30:00Z');
    const fired = await waitMessage(clock, ann.chat, /^⏰ Stand-up$/, since);
    await fired.click('💤 15 min');
    const snoozed = await ann.chat.waitForEdit(fired, /Snoozed/);
    expect(snoozed.text).toBe('⏰ Stand-up\n\n💤 Snoozed until Sat 13 Mar, 08:45');
    expect(snoozed.buttons()).toEqual([]);
    const before = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-13T13:44:50Z');
    await expectSilence(clock, ann.chat, before, 8);
    const again = await waitMessage(clock, ann.chat, /Stand-up/, before);
    expect(again.text).toBe('⏰ Stand-up\n(was due Sat 13 Mar, 08:30)');
    await again.click('⏭ Skip');
    expect((await ann.chat.waitForEdit(again, /Skipped/)).text).toBe(
      '⏰ Stand-up\n(was due Sat 13 Mar, 08:30)\n\n⏭ Skipped',
    );
  });

  it('on the DST day it still fires at 08:30 local (12:30 UTC, an hour earlier in UTC)', async () => {
    const since = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-14T12:29:50Z');
    await expectSilence(clock, ann.chat, since, 8);
    const fired = await waitMessage(clock, ann.chat, /^⏰ Stand-up$/, since);
    expect(new Date(clock.now()).toISOString() < '2027-03-14T12:31:00.000Z').toBe(true);
    expect(fired.buttons()).toContain('✅ Done');
    dstDay = fired; // left unanswered
  });
});

describe('en: quiet hours and the digest', () => {
  it('a reminder due in quiet hours waits until they end; the series keeps its time', async () => {
    await t.system.users.updateSettings(ann.userId, { quietHours: { start: '22:00', end: '07:00' } });
    await ann.user.send('/remind today at 23:00 take pills');
    await ann.chat.nextMessage(/Reminder set: “Take pills”/);
    const since = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-15T03:00:00Z'); // 23:00 local
    await expectSilence(clock, ann.chat, since, 12);
    await jumpTo(clock, '2027-03-15T11:00:00Z'); // 07:00 local
    const pills = await waitMessage(clock, ann.chat, /Take pills/, since);
    expect(pills.text).toBe('⏰ Take pills\n(was due Sun 14 Mar, 23:00)');
    await jumpTo(clock, '2027-03-15T12:30:00Z'); // 08:30 local
    await waitMessage(clock, ann.chat, /^⏰ Stand-up$/, since);
    // Yesterday's unanswered stand-up is superseded by today's: its buttons are out of date.
    expect((await dstDay.click('✅ Done')).answer?.text).toBe('This button is out of date.');
  });

  it('/digest 8:00 sends ONE message at 08:00 local with the day', async () => {
    await ann.user.send('/digest 8:00');
    expect((await ann.chat.nextMessage(/Morning digest/)).text).toContain(
      'every day at 08:00 (your time, America/New_York)',
    );
    await ann.user.send('/remind tomorrow at 9 call the bank');
    await ann.chat.nextMessage(/Reminder set: “Call the bank”/);
    const since = await lastId(ann.chat);
    await jumpTo(clock, '2027-03-16T11:59:50Z');
    await expectSilence(clock, ann.chat, since, 8);
    const digest = await waitMessage(clock, ann.chat, /Good morning/, since);
    expect(digest.text).toBe(
      '☀️ Good morning! Your day, Tuesday 16 March\n\nReminders (2):\n• 08:30 Stand-up\n• 09:00 Call the bank',
    );
    await expectSilence(clock, ann.chat, digest.id, 8);
    await ann.user.send('/digest');
    await ann.chat.nextMessage(/every day at 08:00/);
    await ann.user.send('/digest off');
    await ann.chat.nextMessage(/The morning digest is off/);
  });
});

describe('API surface', () => {
  it('is documented in /openapi.json and behind bearer auth', async () => {
    const doc = await (await fetch(`${t.url}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/reminders',
        '/api/v1/reminders/{id}',
        '/api/v1/reminders/{id}/pause',
        '/api/v1/reminders/{id}/resume',
        '/api/v1/reminders/occurrences',
        '/api/v1/reminders/occurrences/{id}/snooze',
        '/api/v1/reminders/digest',
      ]),
    );
    expect(doc.paths['/api/v1/reminders'].post.responses['201']).toBeDefined();
    const res = await fetch(`${t.url}/api/v1/reminders`);
    expect(res.status).toBe(401);
  });
});
