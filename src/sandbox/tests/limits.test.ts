import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('flood limits', () => {
  it('answers bursts to one chat with 429 and retry_after by default', async () => {
    env = await startTestSandbox({ limits: true });
    const alice = await env.sb.user('alice');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => env!.call('sendMessage', { chat_id: alice.id, text: `m${i}` })),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(limited).toHaveLength(7);
    expect(limited[0]?.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
  });

  it('limits groups to 20 messages a minute', async () => {
    env = await startTestSandbox({ limits: { per_chat_per_second: 100, per_chat_burst: 100 } });
    const alice = await env.sb.user('alice');
    const group = await env.sb.group({ title: 'G', members: [alice] });
    const results = [];
    for (let i = 0; i < 21; i++)
      results.push(await env.call('sendMessage', { chat_id: group.id, text: `g${i}` }));
    expect(results.slice(0, 20).every((r) => r.status === 200)).toBe(true);
    expect(results[20]?.body.parameters?.retry_after).toBe(3);
  });

  it('lets grammY with auto-retry deliver 100 concurrent messages, in accepted order', async () => {
    env = await startTestSandbox({ limits: { per_chat_per_second: 10, per_chat_burst: 10 } });
    const bot = new Bot(env.token, { client: { apiRoot: env.url } });
    let saw429 = 0;
    bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429) saw429++;
      return result;
    });
    bot.api.config.use(autoRetry());
    const alice = await env.sb.user('alice');
    const sent = await Promise.all(
      Array.from({ length: 100 }, (_, i) => bot.api.sendMessage(alice.id, `n${i}`)),
    );
    expect(saw429).toBeGreaterThan(0);
    const messages = await alice.privateChat().messages();
    expect(messages).toHaveLength(100);
    expect(new Set(messages.map((m) => m.text)).size).toBe(100);
    expect(messages.map((m) => m.id)).toEqual([...sent.map((m) => m.message_id)].sort((a, b) => a - b));
  }, 30_000);

  it('can be switched off at runtime through the control API', async () => {
    env = await startTestSandbox({ limits: true });
    const alice = await env.sb.user('alice');
    expect((await env.sb.limits(false)).enabled).toBe(false);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => env!.call('sendMessage', { chat_id: alice.id, text: 'x' })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    await env.sb.limits(true);
    const bot = new Bot(env.token, { client: { apiRoot: env.url } });
    const burst = await Promise.allSettled(
      Array.from({ length: 5 }, () => bot.api.sendMessage(alice.id, 'y')),
    );
    const rejected = burst.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(GrammyError);
    expect((rejected as PromiseRejectedResult).reason.parameters.retry_after).toBe(1);
  });
});
