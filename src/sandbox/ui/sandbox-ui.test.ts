// Drives the sandbox chat page in a real Chromium against the real sandbox server and a real
// grammY bot (long polling), asserting on what a person using the page would see.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, InlineKeyboard, InputFile } from 'grammy';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../test/support/chromium.ts';
import { startSandboxServer } from '../standalone.ts';

const TOKEN = '123456:TEST';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

/** A small valid PNG (a diagonal gradient) so the photo bubble has real pixels to show. */
function gradientPng(width: number, height: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(51 + (150 * x) / width, 144 + (80 * y) / height, 236);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function createTestBot(apiRoot: string): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot } });
  // The sandbox enforces Telegram's one-message-a-second limit per chat, as a real bot meets it.
  bot.api.config.use(autoRetry());
  bot.command('start', (ctx) =>
    ctx.reply('Welcome! You have one task for today: buy milk.', {
      reply_markup: new InlineKeyboard().text('Done', 'done'),
    }),
  );
  bot.callbackQuery('done', async (ctx) => {
    await ctx.editMessageText('✅ Done: buy milk');
    await ctx.answerCallbackQuery({ text: 'Marked as done' });
  });
  bot.command('format', (ctx) =>
    ctx.reply('<b>Bold news</b>, and a <tg-spoiler>hidden surprise</tg-spoiler>. Try /start again.', {
      parse_mode: 'HTML',
    }),
  );
  bot.command('photo', (ctx) =>
    ctx.replyWithPhoto(new InputFile(gradientPng(480, 270), 'sky.png'), { caption: 'Your weekly chart' }),
  );
  return bot;
}

describe('sandbox chat page', () => {
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let bot: Bot;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const executablePath = chromiumPath('the sandbox UI browser test');
    sandbox = await startSandboxServer({ port: 0, token: TOKEN });
    bot = createTestBot(sandbox.url);
    await bot.api.setMyCommands([
      { command: 'start', description: 'Start the bot' },
      { command: 'format', description: 'Formatting demo' },
      { command: 'photo', description: 'Send a photo' },
    ]);
    await new Promise<void>((resolve, reject) => {
      bot.start({ onStart: () => resolve() }).catch(reject);
    });
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  });

  afterAll(async () => {
    await browser?.close();
    if (bot?.isRunning()) await bot.stop();
    await sandbox?.close();
  });

  async function send(text: string) {
    await page.fill('#input', text);
    await page.keyboard.press('Enter');
    await page.locator('.message.out', { hasText: text }).last().waitFor(VISIBLE);
  }

  it('creates a user, talks to the bot and sees an inline button edit the message', async () => {
    await page.goto(`${sandbox.url}/sandbox`);
    // With no users yet, the page asks for one.
    await page.locator('#user-dialog[open]').waitFor(VISIBLE);
    await page.fill('#user-form [name=first_name]', 'Anna');
    await page.fill('#user-form [name=username]', 'anna_k');
    await page.selectOption('#user-form [name=language_code]', 'en');
    await page.click('#user-form [type=submit]');
    await page.locator('#current-user', { hasText: 'Anna' }).waitFor(VISIBLE);

    await send('/start');
    const reply = page.locator('.message.in', { hasText: 'Welcome!' });
    await reply.waitFor(VISIBLE);
    await reply.getByRole('button', { name: 'Done' }).click();

    const edited = page.locator('.message.in', { hasText: '✅ Done: buy milk' });
    await edited.waitFor(VISIBLE);
    await page.locator('.toast', { hasText: 'Marked as done' }).waitFor(VISIBLE);
    expect(await edited.locator('.edited').textContent()).toBe('edited');
    expect(await page.locator('.message.in', { hasText: 'Welcome!' }).count()).toBe(0);
    // The edit removed the keyboard, as Telegram does when editMessageText omits reply_markup.
    expect(await edited.locator('.inline-button').count()).toBe(0);
  });

  it('renders HTML formatting: bold text and a spoiler that reveals on click', async () => {
    await send('/format');
    const bubble = page.locator('.message.in', { hasText: 'Bold news' });
    await bubble.waitFor(VISIBLE);
    expect(await bubble.locator('strong').textContent()).toBe('Bold news');
    const spoiler = bubble.locator('.spoiler');
    expect(await spoiler.textContent()).toBe('hidden surprise');
    expect(await spoiler.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
    await spoiler.click();
    expect(await spoiler.getAttribute('class')).toContain('revealed');
    expect(await bubble.locator('.bot-command').textContent()).toBe('/start');
  });

  it('shows a photo the bot sent, loaded from the files endpoint', async () => {
    await send('/photo');
    const image = page.locator('.message.in .photo img').last();
    await image.waitFor(VISIBLE);
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBe(480);
    await page.locator('.message.in', { hasText: 'Your weekly chart' }).waitFor(VISIBLE);

    // Leave the page in a representative state for the README screenshot.
    await send('/start');
    await page
      .locator('.message.in', { hasText: 'Welcome!' })
      .getByRole('button', { name: 'Done' })
      .waitFor(VISIBLE);
    await page.locator('.toast').waitFor({ state: 'detached', timeout: 10_000 });
    await page.fill('#input', 'Remind me to call mom at 6pm');
    await page.click('#commands-button');
    await page.locator('#commands-menu:not([hidden])').waitFor(VISIBLE);
    await page.keyboard.press('Escape');
    await page.mouse.click(900, 300);
    await page.waitForTimeout(300); // let the entry animations settle before the screenshot
    const screenshot = join(ROOT, 'test-results', 'sandbox.png');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: screenshot });
    // The README's picture is refreshed only on request, so a test run never dirties the tree.
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1')
      copyFileSync(screenshot, join(ROOT, 'docs', 'sandbox.png'));
  });
});
