import { Composer } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../../test/support/bot-harness.ts';
import type { BotContext } from '../bot-context.ts';
import type { BotFeature } from '../bot-feature.ts';
import { callbackCodec } from '../callback-data.ts';
import { createBot } from '../create-bot.ts';
import { startFlow } from '../flows/flow-router.ts';
import { hasRole } from '../role-filter.ts';

// The shell's rules for features, driven through handleUpdate with recorded outgoing calls.

const composer = new Composer<BotContext>();
composer.command('ask', async (ctx) => {
  await startFlow(ctx, 'probe-ask', 'answer');
  await ctx.reply('What?');
});
composer.command('askall', async (ctx) => {
  await startFlow(ctx, 'probe-everywhere', 'answer');
  await ctx.reply('What, everyone?');
});
composer.command('picky', async (ctx) => {
  await startFlow(ctx, 'probe-picky', 'answer');
  await ctx.reply('Yes or no?');
});
composer.filter(hasRole('admin')).command('secret', (ctx) => ctx.reply('for admins'));
const echo = (label: string) => ({
  async answer(ctx: BotContext) {
    await ctx.reply(`${label}: ${ctx.message?.text}`);
    return null;
  },
});
const probe: BotFeature = {
  name: 'probe',
  composer,
  flows: {
    'probe-ask': echo('private'),
    'probe-everywhere': echo('anywhere'),
    // Not an answer → 'pass': the message is handled as if no flow ran (here: the fallback).
    'probe-picky': {
      async answer(ctx) {
        if (!/^(yes|no)$/.test(ctx.message?.text ?? '')) return 'pass';
        await ctx.reply(`picked ${ctx.message?.text}`);
        return null;
      },
    },
  },
  groupFlows: ['probe-everywhere'],
  callbacks: [callbackCodec('pr')],
};

let h: BotHarness;
let nowMs = Date.parse('2037-03-02T08:00:00Z');
beforeAll(async () => {
  h = await startBotHarness({
    now: () => new Date(nowMs),
    features: [probe],
    shell: { settings: null, help: [{ command: 'ask', descriptionKey: 'cmd-cancel' }], menu: [] },
  });
});
afterAll(() => h?.close());

const group = { id: -100123, type: 'supergroup' as const };

describe('bot shell', () => {
  it('lists contributed help lines under /help', async () => {
    const from = h.calls.length;
    await h.send('/help');
    expect(h.texts(from).at(-1)).toContain('/ask — ');
  });

  it('runs group flows in groups and forum topics, private flows only in private chats', async () => {
    let from = h.calls.length;
    await h.send('/askall', { chat: group, threadId: 7 });
    await h.send('blue', { chat: group, threadId: 7 });
    expect(h.texts(from)).toEqual(['What, everyone?', 'anywhere: blue']);
    const reply = h.calls.at(-1)?.payload;
    expect(reply?.message_thread_id).toBe(7);

    from = h.calls.length;
    await h.send('/ask', { chat: group });
    await h.send('red', { chat: group });
    expect(h.texts(from)).toEqual(['What?']);
    await h.send('/ask');
    await h.send('green');
    expect(h.texts(from).at(-1)).toBe('private: green');
  });

  it('drops a flow left for 30 minutes with a note, and handles the message as usual', async () => {
    let from = h.calls.length;
    await h.send('/ask');
    nowMs += 29 * 60_000;
    await h.send('still here');
    expect(h.texts(from)).toEqual(['What?', 'private: still here']);

    from = h.calls.length;
    await h.send('/ask');
    nowMs += 31 * 60_000;
    await h.send('too late');
    const texts = h.texts(from);
    expect(texts[1]).toBe('That conversation expired, so I dropped it. Start again whenever you like.');
    expect(texts).not.toContain('private: too late');
    expect(texts[2]).toMatch(/^I'm not sure what to do with this/);
  });

  it("a step that says 'pass' ends the flow and lets the message through", async () => {
    const from = h.calls.length;
    await h.send('/picky');
    await h.send('buy milk');
    await h.send('yes');
    const texts = h.texts(from);
    expect(texts[0]).toBe('Yes or no?');
    expect(texts[1]).toMatch(/^I'm not sure what to do with this/);
    expect(texts).not.toContain('picked yes');
  });

  it('lets role-only handlers through only for holders of the role', async () => {
    const from = h.calls.length;
    await h.send('/secret', { fromId: 77 });
    expect(h.texts(from)).not.toContain('for admins');
    await h.users.grantRole(77, 'admin', { kind: 'system' });
    await h.send('/secret', { fromId: 77 });
    expect(h.texts(from)).toContain('for admins');
  });

  it('someone given a role before they ever wrote gets their Telegram language when they do; a choice made later stays', async () => {
    const granted = await h.users.grantRole(79, 'specialist', { kind: 'system' });
    expect(granted.language).toBe('en');
    const first = await h.users.upsertFromTelegram({ id: 79, first_name: 'Ольга', language_code: 'ru' });
    expect(first.language).toBe('ru');
    await h.users.updateSettings(first.id, { language: 'en' });
    const later = await h.users.upsertFromTelegram({ id: 79, first_name: 'Ольга', language_code: 'ru' });
    expect(later.language).toBe('en');
    // Someone who wrote first keeps the language they chose, whatever Telegram says.
    const writer = await h.users.upsertFromTelegram({ id: 80, first_name: 'Ann', language_code: 'en' });
    await h.users.updateSettings(writer.id, { language: 'ru' });
    expect(
      (await h.users.upsertFromTelegram({ id: 80, first_name: 'Ann', language_code: 'en' })).language,
    ).toBe('ru');
  });

  it('refuses to start with a duplicate callback prefix or a badly named flow', () => {
    const deps = {
      token: '1:t',
      apiRoot: 'http://127.0.0.1:9',
      logger: undefined as never,
      services: undefined as never,
    };
    const twin: BotFeature = { name: 'twin', composer: new Composer(), callbacks: [callbackCodec('pr')] };
    expect(() => createBot({ ...deps, features: [probe, twin] })).toThrow(
      /"pr" is used by both probe and twin/,
    );
    const stray: BotFeature = { name: 'stray', composer: new Composer(), flows: { ask: echo('x') } };
    expect(() => createBot({ ...deps, features: [stray] })).toThrow(/must be named "stray-<flow>"/);
    const copy: BotFeature = { name: 'probe', composer: new Composer(), flows: { 'probe-ask': echo('y') } };
    expect(() => createBot({ ...deps, features: [probe, copy] })).toThrow(/"probe-ask" is defined twice/);
  });
});
