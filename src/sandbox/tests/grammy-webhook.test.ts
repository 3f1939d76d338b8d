import { Bot, webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startHookServer, startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
let closeHook: (() => Promise<void>) | undefined;

beforeEach(async () => {
  env = await startTestSandbox();
});
afterEach(async () => {
  await closeHook?.();
  closeHook = undefined;
  await env.close();
});

describe('grammY in webhook mode', () => {
  it('delivers updates with the secret token and retries when the bot fails', async () => {
    const bot = new Bot(env.token, { client: { apiRoot: env.url } });
    const seen: string[] = [];
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.message.text);
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    await bot.init();
    const callback = webhookCallback(bot, 'http', { secretToken: 'S3cret_token-1' });
    let requests = 0;
    const hook = await startHookServer(async (req, res) => {
      requests += 1;
      if (requests === 1) {
        res.writeHead(500).end();
        return;
      }
      await callback(req, res);
    });
    closeHook = hook.close;
    await bot.api.setWebhook(hook.url, { secret_token: 'S3cret_token-1' });
    const alice = await env.sb.user('alice');
    await alice.send('hello');
    await alice.privateChat().nextMessage('echo: hello');
    expect(seen).toEqual(['hello']);
    expect(requests).toBe(2);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url: hook.url, pending_update_count: 0, max_connections: 40 });
    expect(info.last_error_message).toBe('Wrong response from the webhook: 500 Internal Server Error');
    expect(info.last_error_date).toBeTypeOf('number');
  });

  it('is rejected by the bot when the secret token is wrong', async () => {
    const bot = new Bot(env.token, { client: { apiRoot: env.url } });
    const seen: string[] = [];
    bot.on('message:text', (ctx) => {
      seen.push(ctx.message.text);
    });
    await bot.init();
    const statuses: number[] = [];
    const callback = webhookCallback(bot, 'http', { secretToken: 'the-right-one' });
    const hook = await startHookServer(async (req, res) => {
      res.on('finish', () => statuses.push(res.statusCode));
      await callback(req, res);
    });
    closeHook = hook.close;
    await bot.api.setWebhook(hook.url, { secret_token: 'a-wrong-one' });
    const alice = await env.sb.user('alice');
    await alice.send('hi');
    await eventually(
      () => statuses.length,
      (n) => n >= 1,
    );
    expect(statuses[0]).toBe(401);
    expect(seen).toEqual([]);
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(1);
  });

  it('keeps updates of one chat in order even with many connections', async () => {
    const order: number[] = [];
    const hook = await startHookServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const update = JSON.parse(body) as { message: { text: string } };
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      order.push(Number(update.message.text));
      res.writeHead(200).end();
    });
    closeHook = hook.close;
    await env.call('setWebhook', { url: hook.url, max_connections: 10 });
    const alice = await env.sb.user('alice');
    for (let i = 1; i <= 8; i++) await alice.send(String(i));
    await eventually(
      () => order.length,
      (n) => n === 8,
    );
    expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses getUpdates while a webhook is set and drops pending updates on request', async () => {
    const hook = await startHookServer((_req, res) => {
      res.writeHead(503).end();
    });
    closeHook = hook.close;
    await env.call('setWebhook', { url: hook.url });
    const alice = await env.sb.user('alice');
    await alice.send('queued');
    const conflict = await env.call('getUpdates', {});
    expect(conflict).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
    expect(
      (await env.call('setWebhook', { url: hook.url, secret_token: 'bad token!' })).body.description,
    ).toBe('Bad Request: bad webhook: Secret token contains unallowed characters');
    await env.call('deleteWebhook', { drop_pending_updates: true });
    expect((await env.call('getWebhookInfo')).body.result).toEqual({
      url: '',
      has_custom_certificate: false,
      pending_update_count: 0,
    });
  });
});
