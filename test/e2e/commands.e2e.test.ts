import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ MINI_APP_URL: 'https://secretary.example.org/app/' });
});
afterAll(() => t.close());

describe('what the bot registers with Telegram', () => {
  it('sets its commands per language and the Mini App menu button when one is configured', async () => {
    let info = await t.sb.info();
    for (let i = 0; i < 50 && !(info.commands.ru?.length && info.menu_button?.type === 'web_app'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      info = await t.sb.info();
    }
    const en = (info.commands[''] ?? []).map((c) => c.command);
    const ru = info.commands.ru ?? [];
    expect(en).toEqual(
      expect.arrayContaining([
        'start',
        'new',
        'tasks',
        'courses',
        'remind',
        'reminders',
        'digest',
        'settings',
        'cancel',
        'help',
      ]),
    );
    expect(ru.map((c) => c.command)).toEqual(en);
    expect(ru.find((c) => c.command === 'settings')?.description).toBe('Настройки');
    expect(info.menu_button).toMatchObject({
      type: 'web_app',
      web_app: { url: 'https://secretary.example.org/app/' },
    });
  });
});
