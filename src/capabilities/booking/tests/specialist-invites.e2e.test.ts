import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { jumpTo, waitMessage } from '../../../../test/support/clock-waits.ts';
import { bookingModule } from '../index.ts';

// Issue 37, item 10: a specialist joins through a one-time invite link (from the API or from
// "@sam" typed where the admin is asked who the specialist is); the link works once and expires.
const TEXTS = {
  en: {
    menu: /Business admin/,
    addSpecialist: '➕ Specialist',
    ask: /^Who is the specialist\?/,
    username:
      /^I can't look up @sam_k: Telegram doesn't tell bots who a username belongs to\. Send them this one-time link instead \(it works for 72 hours\); when they open it and press Start, they become a specialist:\nhttps:\/\/t\.me\/\w+\?start=(spi_[A-Za-z0-9_-]{32})$/,
    welcome: /^Hi, Sam/,
    accepted: (name: string) =>
      new RegExp(
        `^✅ You are now a specialist here, as ${name}\\. Your bookings come to this chat; /schedule shows your week\\.$`,
      ),
    unusable: /^This invite link was used already or has expired\. Ask the owner for a new one\.$/,
    joined: /^👤 Sam joined as a specialist through your invite link\.$/,
  },
  ru: {
    menu: /Управление/,
    addSpecialist: '➕ Специалист',
    ask: /^Кто специалист\?/,
    username:
      /^Не могу найти @sam_k: Telegram не сообщает ботам, кому принадлежит имя пользователя\. Отправьте ему эту одноразовую ссылку \(она действует 72 ч\); открыв её и нажав «Старт», он станет специалистом:\nhttps:\/\/t\.me\/\w+\?start=(spi_[A-Za-z0-9_-]{32})$/,
    welcome: /^Привет, Sam/,
    accepted: (name: string) =>
      new RegExp(
        `^✅ Теперь вы специалист здесь — ${name}\\. Записи будут приходить в этот чат; /schedule покажет вашу неделю\\.$`,
      ),
    unusable: /^Эта ссылка-приглашение уже использована или устарела\. Попросите у владельца новую\.$/,
    joined: /^👤 Sam — теперь специалист: открыл\(а\) вашу ссылку-приглашение\.$/,
  },
} as const;

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe.each(['en', 'ru'] as const)('%s: a specialist joins by invite link', (lang) => {
  it('from the API and from "@sam" in /admin; once, and not after it expires', async () => {
    const x = TEXTS[lang];
    // Monday 2 March 2037, 08:00 UTC.
    const h = await startCapabilityHarness([bookingModule], { start: '2037-03-02T08:00:00Z' });
    harnesses.push(h);
    const admin = await h.person('Ada', { roles: ['admin'], language: lang });
    const carol = await h.person('Carol', { language: lang });
    const location = await h.call(admin.auth, 'POST', '/api/v1/booking/locations', {
      name: 'Mitte',
      timezone: 'Europe/Berlin',
    });
    const service = await h.call(admin.auth, 'POST', '/api/v1/booking/services', {
      name: 'Haircut',
      duration_minutes: 60,
    });
    const specialists = () =>
      h.t.testDb.database.raw.query<{ telegram_id: string; name: string }>(
        'SELECT telegram_id::text, name FROM booking_specialists ORDER BY created_at',
      );

    // --- only an admin makes a link
    const refused = await h.request('/api/v1/booking/specialists/invites', {
      method: 'POST',
      headers: carol.auth,
      body: JSON.stringify({ name: 'Sam' }),
    });
    expect(refused.status).toBe(403);
    const invite = await h.call(admin.auth, 'POST', '/api/v1/booking/specialists/invites', { name: 'Sam' });
    expect(invite.url).toMatch(/^https:\/\/t\.me\/\w+\?start=spi_[A-Za-z0-9_-]{32}$/);
    expect(invite.expires_at).toBe('2037-03-05T08:00:00.000Z');
    const payload = String(invite.url).split('start=')[1] as string;

    // --- someone new opens it: the welcome, then they are that specialist with the services
    const sam = await h.t.sb.user('Sam', { first_name: 'Sam', language_code: lang });
    const samChat = sam.privateChat();
    await sam.send(`/start ${payload}`);
    await samChat.nextMessage(x.welcome);
    await samChat.nextMessage(x.accepted('Sam'));
    expect(await specialists()).toEqual([{ telegram_id: String(sam.id), name: 'Sam' }]);
    // The admin who made the link hears that it was used.
    await waitMessage(h.clock, admin.chat, x.joined, 0);
    const offered = await h.call(
      carol.auth,
      'GET',
      `/api/v1/booking/specialists?service_id=${service.id}&location_id=${location.id}`,
    );
    expect(JSON.stringify(offered)).toContain('Sam');
    const [hashed] = await h.t.testDb.database.raw.query<{ token_hash: string }>(
      'SELECT token_hash FROM booking_specialist_invites',
    );
    expect(hashed?.token_hash).not.toContain(payload.slice(4));

    // --- the same link again: used
    await carol.user.send(`/start ${payload}`);
    await carol.chat.nextMessage(x.unusable);
    expect(await specialists()).toHaveLength(1);

    // --- "@sam_k" where the admin is asked who the specialist is: a link to pass on
    await admin.user.send('/admin');
    const menu = await admin.chat.nextMessage(x.menu);
    await menu.click(x.addSpecialist);
    await admin.chat.nextMessage(x.ask);
    await admin.user.send('@sam_k');
    const answer = await admin.chat.nextMessage(x.username);
    const second = x.username.exec(answer.text)?.[1] as string;

    // --- three days later it no longer works
    await jumpTo(h.clock, '2037-03-05T08:00:01Z');
    const dan = await h.person('Dan', { language: lang });
    await dan.user.send(`/start ${second}`);
    await dan.chat.nextMessage(x.unusable);
    expect(await specialists()).toHaveLength(1);
  }, 180_000);
});
