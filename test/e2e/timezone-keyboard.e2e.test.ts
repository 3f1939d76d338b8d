import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxChat } from '../../src/sandbox/client.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// Issue 37, item 8: the timezone question's reply keyboard ("📍 Share location", "Keep …") goes
// when the question does — a command in its place, or a message that is not a place — and its
// "Keep …" button, pressed later anyway, confirms the zone instead of becoming a task.
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
  await t.sb.limits(false);
});
afterAll(() => t.close());

type Markup = { keyboard?: Array<Array<{ text: string }>>; remove_keyboard?: boolean };

/** The reply keyboard the chat shows now: the newest bot message that set or removed one decides. */
async function shownKeyboard(chat: SandboxChat): Promise<string[] | null> {
  const messages = (await chat.messages()).filter((m) => m.fromBot).reverse();
  for (const m of messages) {
    const markup = (m.data as { reply_markup?: Markup }).reply_markup;
    if (markup?.remove_keyboard) return null;
    if (markup?.keyboard) return markup.keyboard.flat().map((b) => b.text);
  }
  return null;
}

describe.each([
  {
    lang: 'ru',
    keep: /^Оставить /,
    kept: /^🕒 Оставляю/,
    help: /Что я умею|\/tasks/,
    set: /^Часовой пояс: /,
    task: 'купить хлеб завтра',
    card: /^📝 Задача: Купить хлеб/,
    zoneButton: '🕒 Часовой пояс',
    ask: /^Пришлите город/,
  },
  {
    lang: 'en',
    keep: /^Keep /,
    kept: /^🕒 Keeping/,
    help: /What I can do|\/tasks/,
    set: /^Timezone set: /,
    task: 'buy bread tomorrow',
    card: /^📝 Task: Buy bread/,
    zoneButton: '🕒 Timezone',
    ask: /^Send a city name/,
  },
])('$lang: the timezone keyboard', (s) => {
  it('goes with a command in place of the answer; its Keep button later confirms the zone, never a task', async () => {
    const person = await t.sb.user(`tzkb-${s.lang}`, { first_name: 'K', language_code: s.lang });
    const chat = person.privateChat();
    await person.send('/start');
    await chat.nextMessage(/\/help/); // the welcome names /help (issue 37)
    const keyboard = (await shownKeyboard(chat)) ?? [];
    const keep = keyboard.find((label) => s.keep.test(label));
    expect(keep, String(keyboard)).toBeDefined();

    // /help instead of a city: the zone is kept, the keyboard removed, then the help.
    await person.send('/help');
    await chat.nextMessage(s.kept);
    await chat.nextMessage(s.help);
    expect(await shownKeyboard(chat)).toBeNull();
    await person.send(s.task);
    await chat.nextMessage(s.card);
    expect(await shownKeyboard(chat)).toBeNull();

    // The old button pressed anyway (a client that kept it): the zone is confirmed, no task card.
    const before = (await chat.messages()).at(-1)?.id ?? 0;
    await person.send(keep as string);
    await chat.nextMessage(s.set);
    const after = (await chat.messages()).filter((m) => m.fromBot && m.id > before).map((m) => m.text);
    expect(after.some((text) => text.startsWith('📝'))).toBe(false);
    expect(await shownKeyboard(chat)).toBeNull();
  });

  it('goes when /settings asked for the zone and a task came instead', async () => {
    const person = await t.sb.user(`tzkb2-${s.lang}`, { first_name: 'L', language_code: s.lang });
    const chat = person.privateChat();
    await person.send('/start');
    await chat.nextMessage(/\/help/); // the welcome names /help (issue 37)
    await person.send('Berlin');
    await chat.nextMessage(s.set);
    await person.send('/settings');
    const settings = await chat.nextMessage((m) => m.buttons().includes(s.zoneButton));
    await settings.click(s.zoneButton);
    await chat.nextMessage(s.ask);
    expect(await shownKeyboard(chat)).not.toBeNull();
    await person.send(s.task);
    await chat.nextMessage(s.kept);
    await chat.nextMessage(s.card);
    expect(await shownKeyboard(chat)).toBeNull();
  });
});
