import type { Update } from '@grammyjs/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
beforeEach(async () => {
  env = await startTestSandbox();
});
afterEach(async () => {
  await env.close();
});

const updates = async (params: Record<string, unknown>) =>
  (await env.call('getUpdates', params)).body.result as Update[];

describe('getUpdates', () => {
  it('numbers updates consecutively and confirms them only with a higher offset', async () => {
    const alice = await env.sb.user('alice');
    for (const text of ['a', 'b', 'c']) await alice.send(text);
    const first = await updates({});
    expect(first.map((u) => u.message?.text)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = first.map((u) => u.update_id);
    expect([b! - a!, c! - b!]).toEqual([1, 1]);
    expect((await updates({ limit: 2 })).map((u) => u.update_id)).toEqual([a, b]);
    expect((await updates({ offset: b })).map((u) => u.update_id)).toEqual([b, c]);
    expect((await updates({})).map((u) => u.update_id)).toEqual([b, c]);
    expect((await updates({ offset: -1 })).map((u) => u.update_id)).toEqual([c]);
    expect(await updates({ offset: c! + 1 })).toEqual([]);
  });

  it('long-polls until an update arrives', async () => {
    const alice = await env.sb.user('alice');
    const started = Date.now();
    const pending = updates({ timeout: 10 });
    setTimeout(() => void alice.send('wake up'), 150);
    const got = await pending;
    expect(got.map((u) => u.message?.text)).toEqual(['wake up']);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('returns an empty list after the timeout', async () => {
    const started = Date.now();
    expect(await updates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('ends an older long poll with 409 when another getUpdates starts', async () => {
    const older = env.call('getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await updates({ timeout: 0 });
    expect((await older).body).toEqual({
      ok: false,
      error_code: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
  });

  it('accepts query parameters (GET for reads, POST for the rest) and form bodies', async () => {
    const alice = await env.sb.user('alice');
    const get = await fetch(`${env.url}/bot${env.token}/getChat?chat_id=${alice.id}`);
    expect(((await get.json()) as { result: { id: number } }).result.id).toBe(alice.id);
    const query = await fetch(`${env.url}/bot${env.token}/sendMessage?chat_id=${alice.id}&text=via%20query`, {
      method: 'POST',
    });
    expect(((await query.json()) as { result: { text: string } }).result.text).toBe('via query');
    const form = await fetch(`${env.url}/bot${env.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: String(alice.id),
        text: 'via <i>form</i>',
        parse_mode: 'HTML',
        reply_markup: JSON.stringify({ keyboard: [['One', 'Two']], resize_keyboard: true }),
      }),
    });
    const result = (
      (await form.json()) as { result: { text: string; entities: unknown; reply_markup?: unknown } }
    ).result;
    expect(result.text).toBe('via form');
    expect(result.entities).toEqual([{ type: 'italic', offset: 4, length: 4 }]);
    expect(result.reply_markup).toBeUndefined();
    const last = (await alice.privateChat().messages()).at(-1);
    expect(last?.keyboard()).toEqual(['One', 'Two']);
  });
});
