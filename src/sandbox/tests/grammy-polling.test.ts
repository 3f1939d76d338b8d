import { Bot, GrammyError, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG_1X1, startTestSandbox, type TestSandbox } from './harness.ts';

let env: TestSandbox;
let bot: Bot;

beforeEach(async () => {
  env = await startTestSandbox();
  bot = new Bot(env.token, { client: { apiRoot: env.url } });
});
afterEach(async () => {
  if (bot.isRunning()) await bot.stop();
  await env.close();
});

describe('grammY over long polling', () => {
  it('runs commands, callback buttons and edits', async () => {
    bot.command('start', (ctx) =>
      ctx.reply(`<b>Welcome</b>, ${ctx.from?.first_name}!`, {
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: 'Done', callback_data: 'done' }]] },
      }),
    );
    bot.callbackQuery('done', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Marked' });
      await ctx.editMessageText('All done ✅');
    });
    void bot.start();
    const alice = await env.sb.user('alice', { language_code: 'en' });
    const sent = await alice.send('/start');
    expect(sent.data.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const chat = alice.privateChat();
    const welcome = await chat.nextMessage(/Welcome/);
    expect(welcome.text).toBe('Welcome, Alice!');
    expect(welcome.data.entities).toEqual([{ type: 'bold', offset: 0, length: 7 }]);
    expect(welcome.buttons()).toEqual(['Done']);
    const click = await welcome.click('Done');
    expect(click.answer).toEqual({ text: 'Marked', show_alert: false, url: null });
    const edited = await chat.waitForEdit(welcome, /All done/);
    expect(edited.edited).toBe(true);
    expect(edited.buttons()).toEqual([]);
    expect(edited.data.edit_date).toBeTypeOf('number');
  });

  it('gives Telegram-shaped errors for invalid calls', async () => {
    const alice = await env.sb.user('alice');
    const expectError = async (call: Promise<unknown>, code: number, description: string) => {
      const error = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GrammyError);
      expect((error as GrammyError).error_code).toBe(code);
      expect((error as GrammyError).description).toBe(description);
    };
    const api = bot.api;
    await expectError(api.sendMessage(alice.id, ''), 400, 'Bad Request: message text is empty');
    await expectError(api.sendMessage(alice.id, 'x'.repeat(4097)), 400, 'Bad Request: message is too long');
    await expectError(
      api.sendMessage(alice.id, 'hi', {
        reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'x'.repeat(65) }]] },
      }),
      400,
      'Bad Request: BUTTON_DATA_INVALID',
    );
    await expectError(api.editMessageText(alice.id, 999, 'x'), 400, 'Bad Request: message to edit not found');
    const sent = await api.sendMessage(alice.id, 'same');
    await expectError(
      api.editMessageText(alice.id, sent.message_id, 'same'),
      400,
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    await expectError(api.sendMessage(777, 'x'), 400, 'Bad Request: chat not found');
    await expectError(api.deleteMessage(alice.id, 999), 400, 'Bad Request: message to delete not found');
    await expectError(
      api.sendMessage(alice.id, 'x', { message_thread_id: 99 }),
      400,
      'Bad Request: message thread not found',
    );
    await expectError(
      api.sendMessage(alice.id, 'v1.5', { parse_mode: 'MarkdownV2' }),
      400,
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    await expectError(
      api.sendMessage(alice.id, '<b>x', { parse_mode: 'HTML' }),
      400,
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    );
    const raw = api.raw as unknown as Record<string, () => Promise<unknown>>;
    await expectError(raw.definitelyNotAMethod!(), 404, 'Not Found');
    await expectError(
      new Bot('123456789:wrong', { client: { apiRoot: env.url } }).api.getMe(),
      401,
      'Unauthorized',
    );
    await alice.block();
    await expectError(api.sendMessage(alice.id, 'hello?'), 403, 'Forbidden: bot was blocked by the user');
    await alice.unblock();
    await expect(api.sendMessage(alice.id, 'welcome back')).resolves.toMatchObject({ text: 'welcome back' });
  });

  it('uploads by multipart, reuses file_id and serves downloads via getFile', async () => {
    const alice = await env.sb.user('alice');
    const doc = await bot.api.sendDocument(alice.id, new InputFile(Buffer.from('hello file'), 'hello.txt'), {
      caption: '*Report*',
      parse_mode: 'MarkdownV2',
    });
    expect(doc.document).toMatchObject({ file_name: 'hello.txt', file_size: 10 });
    expect(doc.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 6 }]);
    const again = await bot.api.sendDocument(alice.id, doc.document!.file_id);
    expect(again.document?.file_id).toBe(doc.document?.file_id);
    const file = await bot.api.getFile(doc.document!.file_id);
    const download = await fetch(`${env.url}/file/bot${env.token}/${file.file_path}`);
    expect(await download.text()).toBe('hello file');
    const photo = await bot.api.sendPhoto(alice.id, new InputFile(PNG_1X1, 'dot.png'));
    expect(photo.photo?.[0]).toMatchObject({ width: 1, height: 1 });
    await expect(bot.api.sendPhoto(alice.id, 'no-such-file-id')).rejects.toMatchObject({
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    await expect(bot.api.sendVoice(alice.id, 'http://127.0.0.1:1/missing.ogg')).rejects.toMatchObject({
      description: 'Bad Request: failed to get HTTP URL content',
    });
  });

  it('delivers user voice messages whose file the bot can download', async () => {
    const received: string[] = [];
    bot.on('message:voice', async (ctx) => {
      const file = await ctx.getFile();
      const bytes = await (await fetch(`${env.url}/file/bot${env.token}/${file.file_path}`)).text();
      received.push(bytes);
      await ctx.reply(`got ${ctx.message.voice.duration}s`);
    });
    void bot.start();
    const alice = await env.sb.user('alice');
    await alice.sendVoice(Buffer.from('OggS-fake'), { duration: 3 });
    await alice.privateChat().nextMessage('got 3s');
    expect(received).toEqual(['OggS-fake']);
  });

  it('delivers an album as one message per item sharing media_group_id', async () => {
    const seen: Array<{ group: string | undefined; caption: string | undefined; kind: string }> = [];
    bot.on(['message:photo', 'message:document'], (ctx) => {
      const m = ctx.message;
      seen.push({ group: m.media_group_id, caption: m.caption, kind: m.photo ? 'photo' : 'document' });
    });
    void bot.start();
    const alice = await env.sb.user('alice');
    const first = await alice.sendMediaGroup([
      { type: 'photo', data: PNG_1X1, caption: 'trip' },
      { type: 'photo', data: PNG_1X1 },
      { type: 'document', data: Buffer.from('pdf'), fileName: 'ticket.pdf' },
    ]);
    const second = await alice.sendMediaGroup([
      { type: 'photo', data: PNG_1X1 },
      { type: 'photo', data: PNG_1X1 },
    ]);
    expect(first.map((m) => m.data.media_group_id)).toEqual(Array(3).fill(first[0]?.data.media_group_id));
    expect(second[0]?.data.media_group_id).not.toBe(first[0]?.data.media_group_id);
    await expect.poll(() => seen.length).toBe(5);
    const ids = [...first, ...second].map((m) => m.data.media_group_id);
    expect(seen).toEqual([
      { group: ids[0], caption: 'trip', kind: 'photo' },
      { group: ids[0], caption: undefined, kind: 'photo' },
      { group: ids[0], caption: undefined, kind: 'document' },
      { group: ids[3], caption: undefined, kind: 'photo' },
      { group: ids[3], caption: undefined, kind: 'photo' },
    ]);
    await expect(alice.sendMediaGroup([{ type: 'photo', data: PNG_1X1 }])).rejects.toThrow(/2 to 10/);
    await expect(
      env.sb.transport.request('POST', '/messages', { from: alice.id, text: 'x', media_group_id: '1' }),
    ).rejects.toThrow(/media_group_id/);
  });

  it('supports forum topics in groups', async () => {
    const alice = await env.sb.user('alice');
    const topics: string[] = [];
    bot.on('message:forum_topic_created', (ctx) => {
      topics.push(ctx.message.forum_topic_created.name);
    });
    void bot.start();
    const group = await env.sb.group({ title: 'Team', members: [alice], forum: true, botIsAdmin: true });
    const topic = await bot.api.createForumTopic(group.id, 'Release');
    const inTopic = await bot.api.sendMessage(group.id, 'shipping', {
      message_thread_id: topic.message_thread_id,
    });
    expect(inTopic).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    await bot.api.closeForumTopic(group.id, topic.message_thread_id);
    await expect(
      bot.api.sendMessage(group.id, 'late', { message_thread_id: topic.message_thread_id }),
    ).rejects.toMatchObject({ description: 'Bad Request: TOPIC_CLOSED' });
    const userTopic = await group.createTopic('Questions', alice);
    await expect.poll(() => topics).toEqual(['Questions']);
    await alice.send('anyone?', { chat: group, threadId: userTopic.message_thread_id });
    const thread = await group.messages({ threadId: userTopic.message_thread_id });
    expect(thread.map((m) => m.text)).toEqual(['', 'anyone?']);
  });

  it('stores commands per scope and language and exposes them to the UI', async () => {
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    await bot.api.setChatMenuButton({
      menu_button: { type: 'web_app', text: 'Open', web_app: { url: 'https://app.example/' } },
    });
    expect(await bot.api.getMyCommands({ language_code: 'ru' })).toEqual([
      { command: 'start', description: 'Начать' },
    ]);
    const info = await env.sb.info();
    expect(info.commands).toEqual({
      '': [{ command: 'start', description: 'Start' }],
      ru: [{ command: 'start', description: 'Начать' }],
    });
    expect(info.web_app_url).toBe('https://app.example/');
    await expect(bot.api.setMyCommands([{ command: 'Bad Command', description: 'x' }])).rejects.toMatchObject(
      {
        description: 'Bad Request: BOT_COMMAND_INVALID',
      },
    );
  });
});
