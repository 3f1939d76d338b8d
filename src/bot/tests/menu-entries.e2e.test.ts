// /menu reaches every capability: each contributes its buttons (notes and the companion too), a
// role-only entry shows to its holders only, and each button answers in the person's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredPerson } from '../../../test/support/test-people.ts';
import { startTestSystem, type TestSystem } from '../../../test/support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.close());

describe('/menu entries', () => {
  it('en: every capability has a button; Notes lists the topics, About me shows the profile', async () => {
    const { user, chat } = await registeredPerson(t, 'Mena', 'en', 'Europe/London');
    await user.send('/menu');
    const menu = await chat.nextMessage(/Main menu/);
    const buttons = menu.buttons();
    for (const label of ['📋 Tasks', '⏰ Reminders', '📅 Book', '🗒 Notes', '📊 Statistics', '🙂 About me'])
      expect(buttons).toContain(label);
    expect(buttons).not.toContain('📣 Announcement');
    await menu.click('🗒 Notes');
    const overview = await chat.nextMessage(/Your notes by topic/);
    expect(overview.text).toContain('/find');
    await menu.click('🙂 About me');
    await chat.nextMessage(/Your profile/);
  });

  it('ru: the same entries in Russian; an admin also gets the announcement, which asks for the audience', async () => {
    const { user, chat } = await registeredPerson(t, 'Мира', 'ru', 'Europe/Moscow');
    await t.system.users.grantRole(user.id, 'admin', { kind: 'system' });
    await user.send('/menu');
    const menu = await chat.nextMessage(/Главное меню/);
    const buttons = menu.buttons();
    for (const label of ['🗒 Заметки', '🙂 Обо мне', '📣 Объявление']) expect(buttons).toContain(label);
    await menu.click('🗒 Заметки');
    const overview = await chat.nextMessage(/Ваши заметки по темам/);
    expect(overview.text).toContain('Заметок пока нет');
    await menu.click('📣 Объявление');
    const segment = await chat.nextMessage(/Кому отправить/);
    expect(segment.buttons().length).toBeGreaterThan(1);
  });
});
