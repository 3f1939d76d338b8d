import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
beforeEach(async () => {
  env = await startTestSandbox();
});
afterEach(async () => {
  await env.close();
});

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${env.url}/sandbox/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text ? JSON.parse(text) : null,
  };
};

describe('control API: users', () => {
  it('creates users idempotently and lists them', async () => {
    const created = await api('POST', '/users', { id: 501, first_name: 'Ann', language_code: 'ru' });
    expect(created).toMatchObject({
      status: 201,
      body: { user: { id: 501, is_bot: false, first_name: 'Ann' } },
    });
    const again = await api('POST', '/users', { id: 501, username: 'ann_k' });
    expect(again.body.user).toEqual({
      id: 501,
      is_bot: false,
      first_name: 'Ann',
      language_code: 'ru',
      username: 'ann_k',
    });
    const auto = await api('POST', '/users', { first_name: 'Auto' });
    expect(auto.body.user.id).toBeTypeOf('number');
    expect((await api('GET', '/users')).body.users.map((u: { id: number }) => u.id)).toEqual([
      501,
      auto.body.user.id,
    ]);
  });

  it('rejects bad input with problem+json and changes nothing', async () => {
    for (const body of [
      { id: -5, first_name: 'X' },
      { first_name: '' },
      { id: 9 },
      { first_name: 'X', extra: 1 },
      'not json',
    ]) {
      const response = await api('POST', '/users', body);
      expect(response.status).toBe(400);
      expect(response.type).toContain('application/problem+json');
      expect(response.body.detail).toBeTypeOf('string');
    }
    expect((await api('POST', '/users', { id: 123456789, first_name: 'Bot?' })).body.detail).toBe(
      'id is taken by the bot',
    );
    expect((await api('GET', '/users')).body.users).toEqual([]);
  });

  it('blocks and unblocks, telling the bot via my_chat_member', async () => {
    await api('POST', '/users', { id: 7, first_name: 'Bo' });
    expect((await api('POST', '/users/7/block')).body).toMatchObject({ blocked: true, changed: true });
    expect((await env.call('sendMessage', { chat_id: 7, text: 'x' })).status).toBe(403);
    expect((await api('POST', '/users/7/unblock')).body).toMatchObject({ blocked: false, changed: true });
    const updates = (await env.call('getUpdates')).body.result as Array<{
      my_chat_member: { new_chat_member: { status: string } };
    }>;
    expect(updates.map((u) => u.my_chat_member.new_chat_member.status)).toEqual(['kicked', 'member']);
    expect((await api('POST', '/users/8/block')).status).toBe(404);
    expect((await api('POST', '/users/abc/block')).status).toBe(400);
  });
});

describe('control API: chats, topics and messages', () => {
  it('creates groups, tells the bot, and lists the chats a user sees', async () => {
    await api('POST', '/users', { id: 1, first_name: 'A' });
    await api('POST', '/users', { id: 2, first_name: 'B' });
    const group = await api('POST', '/chats', { type: 'group', title: 'Family', member_ids: [1, 2] });
    expect(group.status).toBe(201);
    expect(group.body.chat).toMatchObject({ type: 'group', title: 'Family' });
    expect(group.body.chat.id).toBeLessThan(0);
    const forum = await api('POST', '/chats', {
      type: 'supergroup',
      title: 'Work',
      is_forum: true,
      member_ids: [1],
      bot_is_admin: true,
    });
    expect(String(forum.body.chat.id)).toMatch(/^-100\d+$/);
    const updates = (await env.call('getUpdates')).body.result as Array<{
      my_chat_member: { new_chat_member: { status: string } };
    }>;
    expect(updates.map((u) => u.my_chat_member.new_chat_member.status)).toEqual(['member', 'administrator']);
    const seenByB = await api('GET', '/chats?user_id=2');
    expect(seenByB.body.chats.map((c: { chat: { id: number } }) => c.chat.id)).toEqual([
      2,
      group.body.chat.id,
    ]);
    for (const bad of [
      { type: 'group', title: 'X', member_ids: [99] },
      { type: 'group', title: 'X', member_ids: [1], is_forum: true },
      { type: 'channel', title: 'X', member_ids: [1] },
      { type: 'group', title: '', member_ids: [1] },
    ]) {
      expect((await api('POST', '/chats', bad)).status).toBe(400);
    }
    expect((await api('GET', '/chats')).body.chats).toHaveLength(4);
    expect((await api('GET', '/chats?user_id=x')).status).toBe(400);
  });

  it('creates forum topics that the bot hears about', async () => {
    await api('POST', '/users', { id: 1, first_name: 'A' });
    const forum = (
      await api('POST', '/chats', { type: 'supergroup', title: 'F', is_forum: true, member_ids: [1] })
    ).body.chat;
    const topic = await api('POST', `/chats/${forum.id}/topics`, { name: 'Ideas', from: 1 });
    expect(topic.status).toBe(201);
    expect(topic.body.topic).toMatchObject({ name: 'Ideas', closed: false });
    expect((await api('GET', `/chats/${forum.id}/topics`)).body.topics).toHaveLength(1);
    const last = (
      (await env.call('getUpdates')).body.result as Array<{ message?: { forum_topic_created?: unknown } }>
    ).at(-1);
    expect(last?.message?.forum_topic_created).toMatchObject({ name: 'Ideas' });
    expect((await api('POST', `/chats/${forum.id}/topics`, { name: 'X', from: 2 })).status).toBe(404);
    await api('POST', '/chats', { type: 'group', title: 'plain', member_ids: [1] });
    const plain = (await api('GET', '/chats?user_id=1')).body.chats.at(-1).chat.id;
    expect((await api('POST', `/chats/${plain}/topics`, { name: 'X', from: 1 })).body.detail).toBe(
      'the chat is not a forum',
    );
  });

  it('posts user messages of every kind and validates them', async () => {
    await api('POST', '/users', { id: 1, first_name: 'A' });
    const text = await api('POST', '/messages', { from: 1, text: '/help me' });
    expect(text.body.message).toMatchObject({ chat: { id: 1, type: 'private' }, text: '/help me' });
    expect(text.body.message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 5 }]);
    const photo = await api('POST', '/messages', {
      from: 1,
      photo: { data: Buffer.from('img').toString('base64'), mime_type: 'image/jpeg' },
      caption: 'pic',
    });
    expect(photo.body.message.photo[0].file_id).toBeTypeOf('string');
    const file = await fetch(`${env.url}/sandbox/api/files/${photo.body.message.photo[0].file_id}`);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(await file.text()).toBe('img');
    const loc = await api('POST', '/messages', {
      from: 1,
      location: { latitude: 1.5, longitude: 2 },
      reply_to_message_id: 1,
    });
    expect(loc.body.message).toMatchObject({
      location: { latitude: 1.5, longitude: 2 },
      reply_to_message: { message_id: 1 },
    });
    const fwd = await api('POST', '/messages', {
      from: 1,
      text: 'fw',
      forward_origin: { type: 'hidden_user', sender_user_name: 'Z' },
    });
    expect(fwd.body.message.forward_origin).toMatchObject({ type: 'hidden_user', sender_user_name: 'Z' });
    const bad = [
      { from: 1 },
      { from: 1, text: 'a', location: { latitude: 0, longitude: 0 } },
      { from: 1, text: 'a', caption: 'c' },
      { from: 1, text: '   ' },
      { from: 1, voice: { data: '!!!', mime_type: 'audio/ogg' } },
      { from: 1, text: 'x', reply_to_message_id: 99 },
      { from: 1, text: 'x', message_thread_id: 5 },
      { from: 1, chat_id: -5, text: 'x' },
    ];
    for (const body of bad)
      expect((await api('POST', '/messages', body)).status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    expect((await api('POST', '/messages', { from: 2, text: 'x' })).status).toBe(404);
    expect((await api('GET', '/chats/1/messages')).body.messages).toHaveLength(4);
  });

  it('long-polls messages and reports edits of older ones through since_version', async () => {
    await api('POST', '/users', { id: 1, first_name: 'A' });
    const sent = (await env.call('sendMessage', { chat_id: 1, text: 'v1' })).body.result as {
      message_id: number;
    };
    const page = await api('GET', '/chats/1/messages?after_message_id=0');
    expect(page.body.messages[0]).toMatchObject({ text: 'v1', edited: false, deleted: false });
    const cursor = page.body.version;
    const waiting = api(
      'GET',
      `/chats/1/messages?since_version=${cursor}&after_message_id=${sent.message_id}&wait_ms=5000`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await env.call('editMessageText', { chat_id: 1, message_id: sent.message_id, text: 'v2' });
    const changed = await waiting;
    expect(changed.body.messages).toMatchObject([{ message_id: sent.message_id, text: 'v2', edited: true }]);
    expect(changed.body.version).toBeGreaterThan(cursor);
    await env.call('deleteMessage', { chat_id: 1, message_id: sent.message_id });
    const gone = await api('GET', `/chats/1/messages?since_version=${changed.body.version}`);
    expect(gone.body.messages).toMatchObject([{ message_id: sent.message_id, deleted: true }]);
    expect((await api('GET', '/chats/1/messages')).body.messages).toEqual([]);
    const started = Date.now();
    expect(
      (await api('GET', `/chats/1/messages?since_version=${gone.body.version}&wait_ms=200`)).body.messages,
    ).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await api('GET', '/chats/1/messages?wait_ms=soon')).status).toBe(400);
    expect((await api('GET', '/chats/404/messages')).status).toBe(404);
  });
});
