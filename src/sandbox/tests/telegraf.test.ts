import { Telegraf, TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHookServer, startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
let bot: Telegraf;
let closeHook: (() => Promise<void>) | undefined;

beforeEach(async () => {
  env = await startTestSandbox();
  bot = new Telegraf(env.token, { telegram: { apiRoot: env.url } });
  bot.command('start', (ctx) =>
    ctx.reply('Pick one', { reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] } }),
  );
  bot.action('yes', async (ctx) => {
    await ctx.answerCbQuery('Great');
    await ctx.editMessageText('You said yes');
  });
});
afterEach(async () => {
  try {
    bot.stop();
  } catch {
    // Telegraf throws when stopping a bot that is not running.
  }
  await closeHook?.();
  closeHook = undefined;
  await env.close();
});

describe('Telegraf', () => {
  it('runs commands, actions and edits over long polling', async () => {
    void bot.launch();
    const bob = await env.sb.user('bob');
    await bob.send('/start');
    const chat = bob.privateChat();
    const question = await chat.nextMessage('Pick one');
    expect((await question.click('Yes')).answer?.text).toBe('Great');
    await chat.waitForEdit(question, 'You said yes');
  });

  it('works as a webhook with a secret token (including webhook replies)', async () => {
    const secret = 'telegraf_secret';
    const handle = bot.webhookCallback('/hook', { secretToken: secret });
    const hook = await startHookServer((req, res) => handle(req, res));
    closeHook = hook.close;
    await bot.telegram.setWebhook(hook.url, { secret_token: secret });
    const bob = await env.sb.user('bob');
    await bob.send('/start');
    const chat = bob.privateChat();
    const question = await chat.nextMessage('Pick one');
    // Telegraf answers callback queries in the webhook response body; the sandbox executes it.
    expect((await question.click('Yes')).answer?.text).toBe('Great');
    await chat.waitForEdit(question, 'You said yes');
  });

  it('gets TelegramError with code and description for invalid calls', async () => {
    const bob = await env.sb.user('bob');
    const errorOf = (call: Promise<unknown>) =>
      call.then(
        () => undefined,
        (e: unknown) => e as TelegramError,
      );
    const empty = await errorOf(bot.telegram.sendMessage(bob.id, ''));
    expect(empty).toBeInstanceOf(TelegramError);
    expect(empty?.code).toBe(400);
    expect(empty?.description).toBe('Bad Request: message text is empty');
    expect((await errorOf(bot.telegram.sendMessage(424242, 'x')))?.description).toBe(
      'Bad Request: chat not found',
    );
    expect((await errorOf(bot.telegram.editMessageText(bob.id, 77, undefined, 'x')))?.description).toBe(
      'Bad Request: message to edit not found',
    );
    await bob.block();
    const blocked = await errorOf(bot.telegram.sendMessage(bob.id, 'x'));
    expect(blocked?.code).toBe(403);
    expect(blocked?.description).toBe('Forbidden: bot was blocked by the user');
  });

  it('uploads files by multipart and downloads them via getFileLink', async () => {
    const bob = await env.sb.user('bob');
    const sent = await bot.telegram.sendDocument(bob.id, {
      source: Buffer.from('telegraf bytes'),
      filename: 'notes.txt',
    });
    expect(sent.document.file_name).toBe('notes.txt');
    const link = await bot.telegram.getFileLink(sent.document.file_id);
    expect(link.href.startsWith(env.url)).toBe(true);
    expect(await (await fetch(link)).text()).toBe('telegraf bytes');
  });
});
