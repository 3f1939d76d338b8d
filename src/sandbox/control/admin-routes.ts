import type { BotCommand, MenuButton } from '@grammyjs/types';
import { Hono } from 'hono';
import { z } from 'zod';
import { ControlError } from '../core/api-error.ts';
import { unixSeconds } from '../core/clock.ts';
import { requireChat, requireUser } from '../core/user-actions.ts';
import { type ControlDeps, intParam, readJson, requireIntParam } from './control-deps.ts';
import { buildInitData, webAppLaunchUrl } from './web-app-init-data.ts';

const faultSchema = z.strictObject({
  method: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .optional(),
  status: z.number().int().min(400).max(599).optional(),
  count: z.number().int().min(1).max(10_000).default(1),
  retry_after: z.number().int().min(1).max(3600).optional(),
  delay_ms: z.number().int().min(0).max(60_000).optional(),
  description: z.string().min(1).optional(),
});

const limitsSchema = z.strictObject({
  enabled: z.boolean(),
  per_chat_per_second: z.number().positive().optional(),
  per_chat_burst: z.number().int().positive().optional(),
  per_group_per_minute: z.number().positive().optional(),
  global_per_second: z.number().positive().optional(),
});

export function createAdminRoutes(deps: ControlDeps): Hono {
  const { ctx } = deps;
  const app = new Hono();

  app.post('/faults', async (c) => {
    const input = await readJson(c, faultSchema);
    if (input.status === undefined && input.delay_ms === undefined) {
      throw new ControlError(400, 'a fault needs a status, a delay_ms, or both');
    }
    deps.faults.add(input);
    return c.json({ faults: deps.faults.list() }, 201);
  });
  app.get('/faults', (c) => c.json({ faults: deps.faults.list() }));
  app.delete('/faults', (c) => {
    deps.faults.clear();
    return c.json({ faults: [] });
  });

  app.get('/calls', (c) => c.json({ calls: deps.calls.list(c.req.query('method') || undefined) }));
  app.delete('/calls', (c) => {
    deps.calls.clear();
    return c.json({ calls: [] });
  });

  app.get('/limits', (c) => c.json({ limits: deps.limiter.config() }));
  app.put('/limits', async (c) => {
    const input = await readJson(c, limitsSchema);
    return c.json({ limits: deps.limiter.configure(input) });
  });

  app.post('/reset', (c) => {
    deps.reset();
    return c.json({ ok: true });
  });

  app.get('/info', (c) => {
    const commands: Record<string, BotCommand[]> = {};
    for (const entry of ctx.store.commands.values()) {
      if (entry.scope.type === 'default') commands[entry.language_code] = entry.commands;
    }
    const menuButton: MenuButton = ctx.store.menuButtons.get('default') ?? { type: 'default' };
    const { id, username, first_name } = ctx.bot;
    return c.json({
      bot: { id, username, first_name },
      commands,
      menu_button: menuButton,
      web_app_url: webAppUrl(),
    });
  });

  function webAppUrl(chatId?: number): string | null {
    const buttons = [
      chatId === undefined ? undefined : ctx.store.menuButtons.get(String(chatId)),
      ctx.store.menuButtons.get('default'),
    ];
    for (const button of buttons) if (button?.type === 'web_app') return button.web_app.url;
    return ctx.webAppUrl ?? null;
  }

  app.get('/webapp', (c) => {
    const user = requireUser(ctx, requireIntParam(c.req.query('user_id'), 'user_id'));
    const chatId = intParam(c.req.query('chat_id'), 'chat_id');
    const record = chatId === undefined ? undefined : requireChat(ctx, chatId);
    const base = webAppUrl(user.id);
    if (!base)
      throw new ControlError(409, 'no web app URL: set a web_app menu button or the webAppUrl option');
    const initData = buildInitData({
      botToken: ctx.token,
      user,
      authDate: unixSeconds(ctx.clock),
      chat: record
        ? { instance: String(Math.abs(record.chat.id) * 7919), type: record.chat.type }
        : undefined,
    });
    return c.json({ url: webAppLaunchUrl(base, initData), init_data: initData });
  });

  app.get('/files/:file_id', (c) => {
    const file = ctx.store.files.get(c.req.param('file_id'));
    if (!file) throw new ControlError(404, `file ${c.req.param('file_id')} not found`);
    return c.body(new Uint8Array(file.data), 200, {
      'content-type': file.mime_type,
      'content-length': String(file.size),
      ...(file.file_name
        ? { 'content-disposition': `inline; filename="${encodeURIComponent(file.file_name)}"` }
        : {}),
    });
  });
  return app;
}
