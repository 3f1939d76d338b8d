import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { expectSilence, jumpTo, lastId, waitMessage } from '../../../../test/support/clock-waits.ts';
import type { SandboxChat } from '../../../sandbox/client.ts';
import { tasksModule } from '../../tasks/index.ts';
import { insightsModule } from '../index.ts';

// The weekly report as a newcomer meets it: one button under the last onboarding message turns it
// on, and /settings picks its day and time or turns it off. Monday 2 Mar 2037 08:00Z.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([tasksModule, insightsModule]);
}, 120_000);
afterAll(() => h?.close());

/** The live /settings message, re-read after each change. */
async function settings(chat: SandboxChat, send: () => Promise<unknown>, title: RegExp) {
  await send();
  return chat.nextMessage(title);
}

describe('weekly report opt-in', () => {
  it('en: offered when onboarding ends; /settings moves it to Monday 08:30, then turns it off', async () => {
    const dana = await h.t.sb.user('dana', { first_name: 'Dana', language_code: 'en' });
    const chat = dana.privateChat();
    await dana.send('/start');
    await chat.nextMessage(/Hi, Dana!/);
    await dana.send('Berlin');
    const done = await chat.nextMessage(/All set/);
    expect(done.buttons()).toEqual(['📊 Send me a weekly report on Sundays at 19:00']);
    await done.click('📊 Send me a weekly report on Sundays at 19:00');
    await chat.nextMessage(
      /^Done: your weekly report comes on Sunday at 19:00\. Change the day and time, or turn it off, in \/settings\.$/,
    );
    expect((await chat.waitForEdit(done, (m) => m.buttons().length === 0)).text).toMatch(/All set/);

    const menu = await settings(chat, () => dana.send('/settings'), /Weekly report: on/);
    expect(menu.text).toContain('Weekly report day: Sunday');
    expect(menu.text).toContain('Weekly report time: 19:00');
    await menu.click('Weekly report day');
    await chat.waitForEdit(menu, (m) => m.text.includes('Weekly report day: Monday'));
    await menu.click('Weekly report time');
    await chat.nextMessage(/Send the time for “Weekly report time” as HH:MM/);
    await dana.send('08:30');
    await chat.nextMessage(/Saved/);

    // Monday 08:30 in Berlin (CET) has passed today: next Monday, 9 Mar, 07:30Z. Once.
    const since = await lastId(chat);
    await jumpTo(h.clock, '2037-03-09T07:29:00Z');
    await expectSilence(h.clock, chat, since);
    await jumpTo(h.clock, '2037-03-09T07:30:00Z');
    const report = await waitMessage(h.clock, chat, /Your week/, since);
    await expectSilence(h.clock, chat, report.id);

    // "off" for the time switches the report off; the chosen day and time are kept.
    const again = await settings(chat, () => dana.send('/settings'), /Weekly report: on/);
    expect(again.text).toContain('Weekly report time: 08:30');
    await again.click('Weekly report time');
    await chat.nextMessage(/Send the time/);
    await dana.send('off');
    await chat.nextMessage(/Saved/);
    const off = await settings(chat, () => dana.send('/settings'), /Weekly report: off/);
    expect(off.text).toContain('Weekly report day: Monday');
    const quiet = await lastId(chat);
    await jumpTo(h.clock, '2037-03-16T07:31:00Z');
    await expectSilence(h.clock, chat, quiet);
  });

  it('ru: the offer and its answer in Russian; /settings shows it on', async () => {
    const vera = await h.t.sb.user('vera', { first_name: 'Вера', language_code: 'ru' });
    const chat = vera.privateChat();
    await vera.send('/start');
    await chat.nextMessage(/Привет, Вера!/);
    await vera.send('Новосибирск');
    const done = await chat.nextMessage(/Готово/);
    expect(done.buttons()).toEqual(['📊 Присылать недельный отчёт по воскресеньям в 19:00']);
    await done.click(/недельный отчёт/);
    await chat.nextMessage(
      /^Готово: недельный отчёт придёт в 19:00, день — воскресенье\. Поменять день и время или выключить отчёт можно в \/settings\.$/,
    );
    const menu = await settings(chat, () => vera.send('/settings'), /Недельный отчёт: вкл/);
    expect(menu.text).toContain('День отчёта: воскресенье');
    expect(menu.text).toContain('Время отчёта: 19:00');
  });
});
