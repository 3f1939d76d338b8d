import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { parseExtraHours } from '../bot/admin-exceptions.ts';
import { bookingModule } from '../index.ts';

const TEXTS = {
  en: {
    menu: /Business admin/,
    exceptions: '📆 Days off & extra hours',
    screen: /Sam \(Mitte\): days off and extra hours\nNothing set yet\./,
    ask: /^Wed 4 Mar: a day off, or extra hours\?/,
    askSat: /^Sat 7 Mar: a day off, or extra hours\?/,
    dayOff: '🚫 Day off',
    listedOff: /• Wed 4 Mar — day off/,
    bad: /^I could not read that\. Send the extra hours as HH:MM–HH:MM/,
    listedExtra: /• Sat 7 Mar — extra hours 10:00–14:00/,
    removeOff: '🗑 Wed 4 Mar — day off',
    pickDay: /Pick a day/,
  },
  ru: {
    menu: /Управление/,
    exceptions: '📆 Выходные и доп. часы',
    screen: /Sam \(Mitte\): выходные и дополнительные часы\nПока ничего не задано\./,
    ask: /^ср 4 мар\.: выходной или дополнительные часы\?/,
    askSat: /^сб 7 мар\.: выходной или дополнительные часы\?/,
    dayOff: '🚫 Выходной',
    listedOff: /• ср 4 мар\. — выходной/,
    bad: /^Не понял\. Пришлите дополнительные часы как ЧЧ:ММ–ЧЧ:ММ/,
    listedExtra: /• сб 7 мар\. — доп\. часы 10:00–14:00/,
    removeOff: '🗑 ср 4 мар. — выходной',
    pickDay: /Выберите день/,
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe('extra hours as typed', () => {
  it.each([
    ['10:00-14:00', { start: 600, end: 840 }],
    ['9:30 – 12:15', { start: 570, end: 735 }],
    ['10:00—24:00', { start: 600, end: 1440 }],
    ['14:00-10:00', null],
    ['10:10-12:00', null],
    ['10-14', null],
    ['day off', null],
  ])('%s', (text, expected) => expect(parseExtraHours(text)).toEqual(expected));
});

describe.each(['en', 'ru'] as const)('%s: the admin sets days off and extra hours in the bot', (lang) => {
  it('day off hides the day from the client calendar, extra hours open one, removing restores', async () => {
    const x = TEXTS[lang];
    // Monday 2 March 2037, 08:00 UTC.
    const h = await startCapabilityHarness([bookingModule], { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const sam = await h.person('Sam', { language: lang });
    const carol = await h.person('Carol', { language: lang });
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await h.request(`/api/v1${path}`, {
        method,
        headers: admin.auth,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return res.json();
    };
    const location = await api('POST', '/booking/locations', { name: 'Mitte', timezone: 'Europe/Berlin' });
    const service = await api('POST', '/booking/services', { name: 'Haircut', duration_minutes: 60 });
    const specialist = await api('POST', '/booking/specialists', {
      telegram_id: sam.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await api('PUT', `/booking/specialists/${specialist.id}/hours`, {
      location_id: location.id,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    });

    const clientDays = async () => {
      await carol.user.send('/book');
      const m = await carol.chat.nextMessage((msg) => msg.buttons().some((b) => /Haircut/.test(b)));
      await m.click(/Haircut/);
      const who = await carol.chat.waitForEdit(m, (msg) => msg.buttons().includes('Sam'));
      await who.click('Sam');
      return (await carol.chat.waitForEdit(who, x.pickDay)).buttons();
    };
    const before = await clientDays();
    expect(before).toContain('4');
    expect(before).not.toContain('7'); // Saturday: no hours

    // --- the admin: Sam → Wednesday 4 → day off
    await admin.user.send('/admin');
    const menu = await admin.chat.nextMessage(x.menu);
    await menu.click(x.exceptions);
    const whose = await admin.chat.nextMessage((m) => m.buttons().includes('Sam'));
    await whose.click('Sam');
    let screen = await admin.chat.waitForEdit(whose, x.screen);
    await screen.click('4');
    screen = await admin.chat.waitForEdit(screen, x.ask);
    await screen.click(x.dayOff);
    screen = await admin.chat.waitForEdit(screen, x.listedOff);
    expect(screen.buttons()).toContain(x.removeOff);

    // --- Saturday 7: extra hours, typed (first wrongly)
    await screen.click('7');
    screen = await admin.chat.waitForEdit(screen, x.askSat);
    await admin.user.send('10-14');
    await admin.chat.nextMessage(x.bad);
    await admin.user.send('10:00–14:00');
    const saved = await admin.chat.nextMessage(x.listedExtra);
    expect(saved.text).toMatch(x.listedOff);

    const after = await clientDays();
    expect(after).not.toContain('4');
    expect(after).toContain('7');
    expect(after).toContain('5');
    const listed = await api('GET', `/booking/specialists/${specialist.id}/exceptions`);
    expect(listed.exceptions.map((e: { day: string; kind: string }) => `${e.day}/${e.kind}`)).toEqual([
      '2037-03-04/day_off',
      '2037-03-07/extra',
    ]);

    // --- removing the day off gives Wednesday back
    await saved.click(x.removeOff);
    const cleared = await admin.chat.waitForEdit(saved, (m) => !x.listedOff.test(m.text));
    expect(cleared.text).toMatch(x.listedExtra);
    expect(await clientDays()).toContain('4');
  }, 120_000);
});
