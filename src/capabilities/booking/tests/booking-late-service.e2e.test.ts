// A service added after the specialists (issue 37, blocker 2): the admin is asked who provides it
// (everyone ticked, so it is bookable at once), unticks one, presses Done, and a client books it.
// The whole system through the sandbox, in each language.
import { afterAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { person, startClockedSystem } from '../../reminders/tests/e2e-support.ts';

const WORDS = {
  en: {
    menu: /Business admin/,
    location: '➕ Location',
    service: '➕ Service',
    specialist: '➕ Specialist',
    hours: '🕘 Working hours',
    bookAtOnce: 'No, book at once',
    linked:
      /^💇 Service “Beard trim” \(30 min\) saved and linked to all 2 specialists, so clients can book it now\. Untick anyone who does not provide it, then press Done\.$/,
    done: 'Done',
    provided: /^💇 “Beard trim” is provided by Sam\. Clients can book it now\.$/,
    nobody: /^💇 Nobody provides “Beard trim” yet, so clients cannot book it\./,
    beard: 'Beard trim · 30 min',
    pickDay: /Pick a day/,
    confirm: '✅ Confirm',
    booked: /^✅ You are booked: Beard trim with Sam, Tue 2 Mar, 10:00 \(Mitte\)\.$/,
  },
  ru: {
    menu: /Управление/,
    location: '➕ Филиал',
    service: '➕ Услуга',
    specialist: '➕ Специалист',
    hours: '🕘 Часы работы',
    bookAtOnce: 'Нет, записывать сразу',
    linked:
      /^💇 Услуга «Beard trim» \(30 мин\) сохранена и привязана ко всем специалистам \(2\), клиенты уже могут на неё записаться\. Снимите галочку с тех, кто её не оказывает, и нажмите «Готово»\.$/,
    done: 'Готово',
    provided: /^💇 «Beard trim» оказывают: Sam\. Клиенты уже могут записаться\.$/,
    nobody: /^💇 «Beard trim» пока никто не оказывает, поэтому записаться на неё нельзя\./,
    beard: 'Beard trim · 30 мин',
    pickDay: /Выберите день/,
    confirm: '✅ Подтвердить',
    booked: /^✅ Вы записаны: Beard trim, специалист Sam, вт, 2 мар\.?, 10:00 \(Mitte\)\.$/,
  },
} as const;

let t: TestSystem | undefined;
afterAll(() => t?.close());

describe.each(['en', 'ru'] as const)('%s: a service added after the specialists', (lang) => {
  const w = WORDS[lang];

  it('asks who provides it, everyone ticked; after Done a client books it with the one left', async () => {
    await t?.close();
    // Monday 1 March 2027, early morning UTC.
    ({ t } = await startClockedSystem('2027-03-01T05:00:00Z'));
    const admin = await person(t, 'Ada', lang, 'Europe/Berlin');
    const sam = await person(t, 'Sam', lang, 'Europe/Berlin');
    const nora = await person(t, 'Nora', lang, 'Europe/Berlin');
    const carol = await person(t, 'Carol', lang, 'Europe/Berlin');
    await t.system.users.grantRole(admin.user.id, 'admin', { kind: 'cli' });

    // The salon and both specialists first, with no service yet.
    await admin.user.send('/admin');
    const menu = await admin.chat.nextMessage(w.menu);
    const answer = async (label: string, ...replies: string[]) => {
      await menu.click(label);
      for (const reply of replies) {
        await admin.chat.nextMessage(/\?|:/);
        await admin.user.send(reply);
      }
    };
    await answer(w.location, 'Mitte', 'Europe/Berlin');
    await admin.chat.nextMessage(/📍/);
    for (const [who, name] of [
      [sam, 'Sam'],
      [nora, 'Nora'],
    ] as const) {
      await answer(w.specialist, String(who.user.id), name);
      await admin.chat.nextMessage(/👤/);
    }
    await menu.click(w.hours);
    const whose = await admin.chat.nextMessage((m) => m.buttons().includes('Sam'));
    await whose.click('Sam');
    await admin.chat.nextMessage(/1-5/);
    await admin.user.send('1-5 09:00-18:00');
    await admin.chat.nextMessage(/🕘/);

    // Then the service: linked to both at once, the question under it.
    await answer(w.service, 'Beard trim', '30');
    const approval = await admin.chat.nextMessage((m) => m.buttons().includes(w.bookAtOnce));
    await approval.click(w.bookAtOnce);
    let ask = await admin.chat.waitForEdit(approval, w.linked);
    expect(ask.buttons()).toEqual(['✅ Sam', '✅ Nora', w.done]);
    await ask.click('✅ Nora');
    ask = await admin.chat.waitForEdit(ask, (m) => m.buttons().includes('⬜ Nora'));
    await ask.click('✅ Sam');
    ask = await admin.chat.waitForEdit(ask, (m) => m.buttons().includes('⬜ Sam'));
    // Nobody ticked: Done says what that means and keeps the boxes.
    await ask.click(w.done);
    ask = await admin.chat.waitForEdit(ask, w.nobody);
    expect(ask.buttons()).toEqual(['⬜ Sam', '⬜ Nora', w.done]);
    await ask.click('⬜ Sam');
    ask = await admin.chat.waitForEdit(ask, (m) => m.buttons().includes('✅ Sam'));
    await ask.click(w.done);
    ask = await admin.chat.waitForEdit(ask, w.provided);
    expect(ask.buttons()).toEqual([]);

    // A client books the new service, and only Sam is offered for it.
    await carol.user.send('/book');
    let m = await carol.chat.nextMessage((msg) => msg.buttons().includes(w.beard));
    await m.click(w.beard);
    m = await carol.chat.waitForEdit(m, (msg) => msg.buttons().includes('Sam'));
    expect(m.buttons()).not.toContain('Nora');
    await m.click('Sam');
    m = await carol.chat.waitForEdit(m, w.pickDay);
    await m.click('2');
    m = await carol.chat.waitForEdit(m, (msg) => msg.buttons().includes('10:00'));
    await m.click('10:00');
    m = await carol.chat.waitForEdit(m, (msg) => msg.buttons().includes(w.confirm));
    await m.click(w.confirm);
    await carol.chat.waitForEdit(m, w.booked);
  }, 180_000);
});
