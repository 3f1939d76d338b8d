import { Bot, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxUser } from '../client.ts';
import { startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
let bot: Bot;
let alice: SandboxUser;

beforeEach(async () => {
  env = await startTestSandbox();
  bot = new Bot(env.token, { client: { apiRoot: env.url } });
  alice = await env.sb.user('alice');
});
afterEach(async () => {
  await env.close();
});

describe('Bot API methods', () => {
  it('threads replies, keeps link preview options and keyboards', async () => {
    const question = await alice.send('question');
    const answer = await bot.api.sendMessage(alice.id, 'see https://example.com', {
      reply_parameters: { message_id: question.id },
      link_preview_options: { is_disabled: true },
      reply_markup: { force_reply: true, input_field_placeholder: 'Type…' },
    });
    expect(answer.reply_to_message).toMatchObject({ message_id: question.id, text: 'question' });
    expect(answer.link_preview_options).toEqual({ is_disabled: true });
    expect(answer.entities).toEqual([{ type: 'url', offset: 4, length: 19 }]);
    const legacy = await bot.api.sendMessage(alice.id, 'legacy', {
      reply_to_message_id: question.id,
    } as never);
    expect(legacy.reply_to_message?.message_id).toBe(question.id);
    await expect(
      bot.api.sendMessage(alice.id, 'x', { reply_parameters: { message_id: 999 } }),
    ).rejects.toMatchObject({ description: 'Bad Request: message to be replied not found' });
    const lenient = await bot.api.sendMessage(alice.id, 'x', {
      reply_parameters: { message_id: 999, allow_sending_without_reply: true },
    });
    expect(lenient.reply_to_message).toBeUndefined();
    await bot.api.sendMessage(alice.id, 'bye keyboard', { reply_markup: { remove_keyboard: true } });
    const last = (await alice.privateChat().messages()).at(-1);
    expect(last?.data.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('edits captions and keyboards, and reports unchanged markup', async () => {
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const photo = await bot.api.sendPhoto(alice.id, new InputFile(Buffer.from('x'), 'x.jpg'), {
      caption: 'old',
    });
    const edited = await bot.api.editMessageCaption(alice.id, photo.message_id, {
      caption: 'new',
      reply_markup: markup,
    });
    expect(edited).toMatchObject({ caption: 'new', reply_markup: markup });
    await expect(
      bot.api.editMessageReplyMarkup(alice.id, photo.message_id, { reply_markup: markup }),
    ).rejects.toMatchObject({
      description: expect.stringContaining('message is not modified'),
    });
    const cleared = await bot.api.editMessageReplyMarkup(alice.id, photo.message_id);
    expect(cleared).not.toHaveProperty('reply_markup');
    const text = await bot.api.sendMessage(alice.id, 'text');
    await expect(
      bot.api.editMessageCaption(alice.id, text.message_id, { caption: 'c' }),
    ).rejects.toMatchObject({
      description: 'Bad Request: there is no caption in the message to edit',
    });
    const mine = await alice.send('user text');
    await expect(bot.api.editMessageText(alice.id, mine.id, 'hack')).rejects.toMatchObject({
      description: "Bad Request: message can't be edited",
    });
  });

  it('answers chat queries: getChat, members, administrators, pins', async () => {
    const group = await env.sb.group({ title: 'Club', members: [alice], supergroup: true, botIsAdmin: true });
    expect(await bot.api.getChat(alice.id)).toMatchObject({
      id: alice.id,
      type: 'private',
      first_name: 'Alice',
    });
    expect(await bot.api.getChat(group.id)).toMatchObject({
      id: group.id,
      type: 'supergroup',
      title: 'Club',
    });
    expect(await bot.api.getChatMember(group.id, alice.id)).toMatchObject({
      status: 'creator',
      user: { id: alice.id },
    });
    const admins = await bot.api.getChatAdministrators(group.id);
    expect(admins.map((a) => a.status)).toEqual(['creator', 'administrator']);
    const msg = await bot.api.sendMessage(group.id, 'pin me');
    await bot.api.pinChatMessage(group.id, msg.message_id);
    expect((await bot.api.getChat(group.id)).pinned_message?.message_id).toBe(msg.message_id);
    await bot.api.unpinChatMessage(group.id);
    expect((await bot.api.getChat(group.id)).pinned_message).toBeUndefined();
    await expect(bot.api.sendChatAction(alice.id, 'dancing' as never)).rejects.toMatchObject({
      description: 'Bad Request: wrong parameter action in request',
    });
    expect(await bot.api.sendLocation(alice.id, 55.75, 37.62)).toMatchObject({
      location: { latitude: 55.75, longitude: 37.62 },
    });
  });

  it('forwards and copies messages', async () => {
    const original = await alice.send('forward me');
    const forwarded = await bot.api.forwardMessage(alice.id, alice.id, original.id);
    expect(forwarded).toMatchObject({
      text: 'forward me',
      forward_origin: { type: 'user', sender_user: { id: alice.id } },
    });
    const copy = await bot.api.copyMessage(alice.id, alice.id, original.id);
    expect(copy.message_id).toBe(forwarded.message_id + 1);
    await expect(bot.api.copyMessage(alice.id, alice.id, 999)).rejects.toMatchObject({
      description: 'Bad Request: message to forward not found',
    });
  });

  it('manages the menu button per chat and by default', async () => {
    await bot.api.setChatMenuButton({ chat_id: alice.id, menu_button: { type: 'commands' } });
    expect(await bot.api.getChatMenuButton({ chat_id: alice.id })).toEqual({ type: 'commands' });
    expect(await bot.api.getChatMenuButton()).toEqual({ type: 'default' });
    await bot.api.deleteMyCommands();
    expect(await bot.api.getMyCommands()).toEqual([]);
  });
});
