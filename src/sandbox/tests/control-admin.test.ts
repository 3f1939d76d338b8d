import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${env!.url}/sandbox/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

describe('control API: callbacks, faults, calls, limits, reset', () => {
  it('rejects callback data that is not on the keyboard and returns null when the bot is silent', async () => {
    env = await startTestSandbox();
    const alice = await env.sb.user('alice');
    const sent = (
      await env.call('sendMessage', {
        chat_id: alice.id,
        text: 'q',
        reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
      })
    ).body.result as { message_id: number };
    const click = { from: alice.id, chat_id: alice.id, message_id: sent.message_id };
    expect((await api('POST', '/callbacks', { ...click, data: 'zzz' })).status).toBe(400);
    expect((await api('POST', '/callbacks', { ...click, message_id: 99, data: 'a' })).status).toBe(404);
    const silent = await api('POST', '/callbacks', { ...click, data: 'a', wait_ms: 100 });
    expect(silent).toMatchObject({ status: 200, body: { answer: null } });
    const late = await env.call('answerCallbackQuery', {
      callback_query_id: silent.body.callback_query_id,
      text: 'hi',
    });
    expect(late.body.ok).toBe(true);
    const twice = await env.call('answerCallbackQuery', { callback_query_id: silent.body.callback_query_id });
    expect(twice.body.description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    );
  });

  it('injects faults for the next calls of a method and records every call', async () => {
    env = await startTestSandbox();
    expect((await api('POST', '/faults', { status: 429, count: 0 })).status).toBe(400);
    expect((await api('POST', '/faults', { count: 1 })).status).toBe(400);
    await api('POST', '/faults', { method: 'getMe', status: 429, count: 2, retry_after: 7 });
    const first = await env.call('getMe');
    expect(first).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    expect((await env.call('getMe')).status).toBe(429);
    expect((await env.call('getMe')).status).toBe(200);
    await api('POST', '/faults', { status: 500, count: 5 });
    expect((await env.call('getChat', { chat_id: 1 })).body.description).toBe('Internal Server Error');
    await api('DELETE', '/faults');
    expect((await env.call('getMe')).status).toBe(200);
    const calls = (await api('GET', '/calls?method=getMe')).body.calls;
    expect(calls.map((c: { response_ok: boolean }) => c.response_ok)).toEqual([false, false, true, true]);
    expect(calls[0]).toMatchObject({ method: 'getMe', params: {} });
    expect(Date.parse(calls[0].at)).not.toBeNaN();
    expect(await env.sb.calls('getChat')).toHaveLength(1);
    await api('DELETE', '/calls');
    expect((await api('GET', '/calls')).body.calls).toEqual([]);
  });

  it('switches limits and resets all state', async () => {
    env = await startTestSandbox();
    expect((await api('PUT', '/limits', { enabled: 'yes' })).status).toBe(400);
    expect((await api('PUT', '/limits', { enabled: true, per_chat_burst: 1 })).body.limits).toMatchObject({
      enabled: true,
      per_chat_burst: 1,
    });
    const alice = await env.sb.user('alice');
    await alice.send('hello');
    expect((await api('POST', '/reset')).body).toEqual({ ok: true });
    expect((await api('GET', '/users')).body.users).toEqual([]);
    expect((await env.call('getUpdates')).body.result).toEqual([]);
  });
});

describe('control API: info, web app, events, UI', () => {
  it('signs web app init data with the bot token as Telegram specifies', async () => {
    env = await startTestSandbox({ webAppUrl: 'https://mini.example/app' });
    const alice = await env.sb.user('alice');
    const info = await env.sb.info();
    expect(info).toMatchObject({
      bot: { id: 123456789, username: 'sandbox_bot' },
      menu_button: { type: 'default' },
    });
    expect(info.web_app_url).toBe('https://mini.example/app');
    const { url, init_data } = await alice.webApp(alice.privateChat());
    expect(url.startsWith('https://mini.example/app#tgWebAppData=')).toBe(true);
    expect(url).toContain('&tgWebAppVersion=8.0&tgWebAppPlatform=web');
    const params = new URLSearchParams(init_data);
    const hash = params.get('hash');
    params.delete('hash');
    const check = [...params.entries()]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n');
    const secret = createHmac('sha256', 'WebAppData').update(env.token).digest();
    expect(createHmac('sha256', secret).update(check).digest('hex')).toBe(hash);
    expect(JSON.parse(params.get('user')!)).toMatchObject({ id: alice.id, first_name: 'Alice' });
    expect(params.get('chat_type')).toBe('private');
    expect((await api('GET', '/webapp?user_id=1')).status).toBe(404);
  });

  it('streams events over SSE', async () => {
    env = await startTestSandbox();
    const controller = new AbortController();
    const response = await fetch(`${env.url}/sandbox/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const alice = await env.sb.user('alice');
    await alice.send('ping');
    await env.call('sendChatAction', { chat_id: alice.id, action: 'typing' });
    let text = '';
    while (!text.includes('event: chat_action'))
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: user\ndata: {"user":{"id"');
    expect(text).toMatch(/event: message\ndata: \{"chat_id":\d+,"message":\{"message_id":1/);
    expect(text).toContain(`event: chat_action\ndata: {"chat_id":${alice.id},"action":"typing"}`);
  });

  it('serves the UI files and refuses paths outside the UI folder', async () => {
    env = await startTestSandbox();
    const index = await fetch(`${env.url}/sandbox`);
    if (index.status === 200) expect(index.headers.get('content-type')).toContain('text/html');
    else expect(index.status).toBe(404);
    const traversal = await fetch(`${env.url}/sandbox/ui/..%2F..%2Fpackage.json`);
    expect(traversal.status).toBe(404);
    expect((await fetch(`${env.url}/sandbox/ui/missing.js`)).status).toBe(404);
  });

  it('persists state to a file and restores it on restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
    const stateFile = join(dir, 'state.json');
    try {
      env = await startTestSandbox({ stateFile });
      const alice = await env.sb.user('alice');
      await alice.send('remember me');
      await env.call('setMyCommands', { commands: [{ command: 'start', description: 'Go' }] });
      await env.close();
      env = await startTestSandbox({ stateFile });
      expect((await env.sb.info()).commands).toEqual({ '': [{ command: 'start', description: 'Go' }] });
      const messages = await env.sb.chat(alice.id).messages();
      expect(messages.map((m) => m.text)).toEqual(['remember me']);
      const updates = (await env.call('getUpdates')).body.result as Array<{ message: { text: string } }>;
      expect(updates.map((u) => u.message.text)).toEqual(['remember me']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
