import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { SANDBOX_BOT_TOKEN } from '../../../platform/config/config.ts';
import { bookingModule } from '../index.ts';

// Role-only commands sit only in their holders' "/" menus (Telegram's per-chat command scope):
// /admin for admins, /schedule for specialists; everyone else's menu has neither, and /schedule
// typed by hand says what it is instead of "forbidden".
const NOT_SPECIALIST = {
  en: /^\/schedule shows a specialist's appointments\. You are not a specialist here/,
  ru: /^\/schedule показывает записи специалиста\. Вы здесь не специалист/,
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: command menus by role', (lang) => {
  it('admins and specialists get their commands, others do not; a revoked role takes them away', async () => {
    const h = await startCapabilityHarness([bookingModule]);
    harnesses.push(h);
    // What Telegram would show: the Bot API's own getMyCommands, per scope and language.
    const getMyCommands = async (body: object) => {
      const res = await fetch(`${h.t.url}/bot${SANDBOX_BOT_TOKEN}/getMyCommands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return ((await res.json()) as { result: Array<{ command: string; description: string }> }).result;
    };
    const names = (list: Array<{ command: string }>) => list.map((c) => c.command);
    const chatMenu = async (id: number) => getMyCommands({ scope: { type: 'chat', chat_id: id } });
    const defaultMenu = () => getMyCommands(lang === 'ru' ? { language_code: 'ru' } : {});

    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const sam = await h.person('Sam', { language: lang });
    const carol = await h.person('Carol', { language: lang });

    // The default menu offers neither role command.
    await vi.waitFor(async () => expect(names(await defaultMenu())).toContain('book'));
    expect(names(await defaultMenu())).not.toContain('admin');
    expect(names(await defaultMenu())).not.toContain('schedule');

    // An admin who writes gets /admin in their own chat's menu, in their language.
    await admin.user.send('/help');
    await vi.waitFor(async () => expect(names(await chatMenu(admin.user.id))).toContain('admin'));
    const adminMenu = await chatMenu(admin.user.id);
    expect(names(adminMenu)).not.toContain('schedule');
    expect(adminMenu.find((c) => c.command === 'book')?.description).toMatch(
      lang === 'ru' ? /Записаться/ : /Book/,
    );

    // Carol types /schedule: told what it is and what to do instead.
    await carol.user.send('/schedule');
    await carol.chat.nextMessage(NOT_SPECIALIST[lang]);
    expect(await chatMenu(carol.user.id)).toEqual([]);

    // Sam becomes a specialist: /schedule appears in his menu without him writing first.
    const location = await h.call(admin.auth, 'POST', '/api/v1/booking/locations', {
      name: 'Mitte',
      timezone: 'Europe/Berlin',
    });
    const service = await h.call(admin.auth, 'POST', '/api/v1/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
    });
    await h.call(admin.auth, 'POST', '/api/v1/booking/specialists', {
      telegram_id: sam.user.id,
      name: 'Sam',
      service_ids: [service.id],
      location_ids: [location.id],
    });
    await vi.waitFor(async () => expect(names(await chatMenu(sam.user.id))).toContain('schedule'));
    expect(names(await chatMenu(sam.user.id))).not.toContain('admin');

    // The role taken away: his chat falls back to the default menu.
    await h.call(admin.auth, 'PUT', `/api/v1/admin/users/${sam.userId}/roles`, { roles: [] });
    await vi.waitFor(async () => expect(await chatMenu(sam.user.id)).toEqual([]));
  }, 120_000);
});
