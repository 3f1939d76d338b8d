import type { TestClock } from 'pg-boss';
import { expect } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import type { SandboxChat } from '../../../sandbox/client.ts';
import { jumpTo, person, startClockedSystem, waitMessage } from '../../reminders/tests/e2e-support.ts';

/** What the people click and what the bot must say, per language. */
export interface ScenarioTexts {
  lang: 'en' | 'ru';
  zone: string;
  admin: {
    menu: RegExp;
    location: string;
    service: string;
    specialist: string;
    hours: string;
    approvalYes: string;
    saved: RegExp;
  };
  client: {
    service: RegExp;
    pickDay: RegExp;
    pickTime: RegExp;
    confirmCard: RegExp;
    confirm: string;
    requested: RegExp;
    move: RegExp;
    moveCard: RegExp;
    moved: RegExp;
  };
  notices: {
    requested: RegExp;
    newBooking: RegExp;
    confirmed: RegExp;
    moved: RegExp;
    reminder: RegExp;
    card: RegExp;
  };
  buttons: { confirm: string; yes: string; confirmedMark: RegExp; doneMark: RegExp };
}

const botTexts = async (chat: SandboxChat, since: number) =>
  (await chat.messages()).filter((m) => m.fromBot && m.id > since).map((m) => m.text);

/**
 * The Done-when scenario in the sandbox: the admin sets the business up in the bot, a client books,
 * the admin confirms, the client moves the booking, time passes, the admin answers the completion
 * card — and each person's chat holds exactly what the matrix says.
 */
export async function runBookingScenario(x: ScenarioTexts): Promise<{ t: TestSystem; clock: TestClock }> {
  // Monday 1 March 2027, early morning UTC.
  const { t, clock } = await startClockedSystem('2027-03-01T05:00:00Z');
  const admin = await person(t, 'Ada', x.lang, x.zone);
  const sam = await person(t, 'Sam', x.lang, x.zone);
  const carol = await person(t, 'Carol', x.lang, x.zone);
  await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'cli' });

  // Notices are jobs: the workers poll on the test clock's ticks.
  const notice = (chat: SandboxChat, matcher: RegExp) => waitMessage(clock, chat, matcher, 0);

  // --- the admin sets up the business in the bot
  await admin.user.send('/admin');
  const menu = await admin.chat.nextMessage(x.admin.menu);
  const answer = async (label: string, ...replies: string[]) => {
    await menu.click(label);
    for (const reply of replies) {
      await admin.chat.nextMessage(/\?|:/);
      await admin.user.send(reply);
    }
  };
  await answer(x.admin.location, 'Mitte', x.zone);
  await admin.chat.nextMessage(/📍/);
  await answer(x.admin.service, 'Haircut', '60');
  const approval = await admin.chat.nextMessage((m) => m.buttons().includes(x.admin.approvalYes));
  await approval.click(x.admin.approvalYes);
  await admin.chat.waitForEdit(approval, /💇/);
  await answer(x.admin.specialist, String(sam.user.id), 'Sam');
  await admin.chat.nextMessage(/👤/);
  await menu.click(x.admin.hours);
  const whose = await admin.chat.nextMessage((m) => m.buttons().includes('Sam'));
  await whose.click('Sam');
  await admin.chat.nextMessage(/1-5/);
  await admin.user.send('1-5 09:00-18:00 13:00-14:00');
  await admin.chat.nextMessage(/🕘/);
  const adminSince = (await admin.chat.messages()).at(-1)?.id ?? 0;
  const samSince = (await sam.chat.messages()).at(-1)?.id ?? 0;

  // --- the client books Tuesday 10:00 with Sam (the service needs approval)
  await carol.user.send('/book');
  const flow = await carol.chat.nextMessage((m) => m.buttons().some((b) => x.client.service.test(b)));
  let m = flow;
  const step = async (label: string | RegExp, next: RegExp | ((msg: typeof flow) => boolean)) => {
    await m.click(label);
    m = await carol.chat.waitForEdit(m, next);
    return m;
  };
  await step(x.client.service, (msg) => msg.buttons().includes('Sam'));
  const cal = await step('Sam', x.client.pickDay);
  expect(cal.buttons()).not.toContain('6'); // Saturday: no hours, no button
  await step('2', x.client.pickTime);
  await step('10:00', x.client.confirmCard);
  await step(x.client.confirm, x.client.requested);
  await notice(carol.chat, x.notices.requested);
  const samNew = await notice(sam.chat, x.notices.newBooking);
  const adminCard = await notice(admin.chat, x.notices.newBooking);
  expect(adminCard.buttons()).toContain(x.buttons.confirm);
  expect(samNew.text).toBe(adminCard.text);

  // --- the admin confirms from the card
  await adminCard.click(x.buttons.confirm);
  await admin.chat.waitForEdit(adminCard, x.buttons.confirmedMark);
  await notice(carol.chat, x.notices.confirmed);
  await notice(sam.chat, x.notices.confirmed);

  // --- the client moves it to Wednesday 11:00
  await carol.user.send('/mybookings');
  const mine = await carol.chat.nextMessage((m) => m.buttons().some((b) => x.client.move.test(b)));
  m = mine;
  await step(x.client.move, x.client.pickDay);
  await step('3', x.client.pickTime);
  await step('11:00', x.client.moveCard);
  await step(x.client.confirm, x.client.moved);
  await notice(sam.chat, x.notices.moved);
  await notice(admin.chat, x.notices.moved);

  // --- time passes: reminders for the client, then the completion card for the admin
  const carolBefore = (await carol.chat.messages()).at(-1)?.id ?? 0;
  await jumpTo(clock, '2027-03-03T11:00:30Z');
  const doneCard = await waitMessage(clock, admin.chat, x.notices.card, adminSince);
  await waitMessage(clock, carol.chat, x.notices.reminder, carolBefore);
  await doneCard.click(x.buttons.yes);
  await admin.chat.waitForEdit(doneCard, x.buttons.doneMark);

  // --- every chat holds exactly what the matrix says (nobody hears of their own action)
  for (let i = 0; i < 8; i++) await clock.tick(250);
  const samSaw = await botTexts(sam.chat, samSince);
  expect(samSaw.map((s) => Array.from(s)[0])).toEqual(['🆕', '✅', '🔁']);
  const adminSaw = await botTexts(admin.chat, adminSince);
  expect(adminSaw.map((s) => Array.from(s)[0])).toEqual(['🆕', '🔁', '❓']);
  const carolNotices = (await botTexts(carol.chat, 0)).filter((s) => /^(⏳|✅|🔁|⏰|❌)/.test(s));
  expect(carolNotices.filter((s) => x.notices.moved.test(s))).toEqual([]);
  expect(carolNotices.filter((s) => x.notices.reminder.test(s))).toHaveLength(2);
  const [row] = await t.testDb.database.raw.query<{ status: string; kinds: string }>(
    `SELECT b.status, string_agg(e.kind || '/' || e.initiator_role, ',' ORDER BY e.id) AS kinds
       FROM bookings b JOIN booking_events e ON e.booking_id = b.id GROUP BY b.id`,
  );
  expect(row).toEqual({
    status: 'done',
    kinds: 'created/client,confirm/admin,reschedule/client,complete/admin',
  });
  return { t, clock };
}
