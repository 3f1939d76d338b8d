import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Composer } from 'grammy';
import { Hono } from 'hono';
import type { BotContext } from '../../../src/bot/bot-context.ts';
import { callbackCodec } from '../../../src/bot/callback-data.ts';
import type { CapabilityModule } from '../../../src/capabilities/capability.ts';
import type { AppEnv } from '../../../src/platform/http/app-env.ts';
import { jsonContent } from '../../../src/platform/http/openapi-parts.ts';

/** What the example keeps in memory: the ideas the smart inbox filed and the schedule's runs. */
export interface ExampleService {
  ideas: Array<{ userId: string; title: string }>;
  runs: Array<{ userId: string; localDate: string }>;
}

const LOCALES = new URL('./locales', import.meta.url).pathname;

const hello = createRoute({
  method: 'get',
  path: '/',
  responses: { 200: { description: 'A greeting', ...jsonContent(z.object({ hello: z.string() })) } },
});

/**
 * A capability that uses every extension point once, for test/platform/example-capability.test.ts:
 * a public route, a role-only route, a setting, help and menu entries, an inbox target, a
 * schedule, a web page, a declared role and a flow that also runs in groups.
 */
export const exampleModule: CapabilityModule<Record<string, never>, ExampleService> = {
  name: 'example',
  provides: 'example',
  roles: [{ name: 'curator', description: 'Reads the curated list' }],
  schedules: [{ name: 'example.morning' }],
  create(deps) {
    const service: ExampleService = { ideas: [], runs: [] };
    const publicRoutes = new OpenAPIHono<AppEnv>();
    publicRoutes.openapi(hello, (c) => c.json({ hello: 'world' }, 200));
    const curated = new OpenAPIHono<AppEnv>();
    curated.openapi(hello, (c) => c.json({ hello: c.get('user').firstName }, 200));
    const composer = new Composer<BotContext>();
    const showIdeas = async (ctx: BotContext) => {
      const mine = service.ideas.filter((i) => i.userId === ctx.user.id).map((i) => i.title);
      await ctx.reply(ctx.t('example-ideas', { count: mine.length }));
    };
    composer.command('ideas', showIdeas);
    composer.command('morning', async (ctx) => {
      await deps.schedules.set(ctx.user.id, 'example.morning', { time: '09:00' });
      await ctx.reply(ctx.t('example-morning-on'));
    });
    const web = new Hono();
    web.get('/', (c) => c.html('<!doctype html><title>Example</title><h1>Example page</h1>'));
    return {
      service,
      routes: [
        { path: '/example/public', app: publicRoutes, access: 'public' },
        { path: '/example/curated', app: curated, access: { role: 'curator' } },
      ],
      bot: {
        name: 'example',
        composer,
        localesDir: LOCALES,
        callbacks: [callbackCodec('ex')],
        commands: [{ command: 'ideas', descriptionKey: 'example-cmd-ideas' }],
      },
      help: [{ command: 'ideas', descriptionKey: 'example-cmd-ideas' }],
      menu: [{ id: 'ideas', labelKey: 'example-menu', open: showIdeas }],
      settings: [
        { key: 'example.cheer', labelKey: 'example-setting-cheer', kind: 'toggle', default: false },
        {
          key: 'example.tone',
          labelKey: 'example-setting-tone',
          kind: 'choice',
          choices: ['calm', 'loud'],
          default: 'calm',
        },
      ],
      inboxTargets: [
        {
          kind: 'idea',
          order: 5,
          cardKey: 'example-inbox-card',
          savedKey: 'example-inbox-saved',
          switchKey: 'example-inbox-switch',
          claim: (parsed) => (/^idea\b/i.test(parsed.title) ? 0.9 : null),
          async save(userId, content) {
            service.ideas.push({ userId, title: content.title });
            return { id: crypto.randomUUID() };
          },
        },
      ],
      schedules: {
        'example.morning': async ({ userId, localDate }) => {
          service.runs.push({ userId, localDate });
          const user = await deps.users.getById(userId);
          const cheer = await deps.settings.get(userId, 'example.cheer');
          if (user?.telegramId)
            await deps.notify({
              chatId: user.telegramId,
              text: cheer ? 'Good morning!!!' : 'Good morning.',
              // A retried firing sends once.
              dedupeKey: `example.morning:${userId}:${localDate}`,
            });
        },
      },
      web: { app: web, pages: [{ path: '/', titleKey: 'example-page' }] },
    };
  },
};
