import type { UserFromGetMe } from '@grammyjs/types';
import { Bot, type Transformer } from 'grammy';
import type { Logger } from '../platform/observability/logger.ts';
import { currentTraceId } from '../platform/observability/trace.ts';
import { isRetryable } from '../platform/telegram/failure-kind.ts';
import { createTelegramFetch } from '../platform/telegram/telegram-fetch.ts';
import { languageFromCode } from '../platform/users/user-service.ts';
import type { BotContext, BotServices } from './bot-context.ts';
import type { BotFeature } from './bot-feature.ts';
import { type BotShell, EMPTY_SHELL } from './bot-shell.ts';
import { checkCallbackPrefixes } from './callback-data.ts';
import { commandCatalog, commandsFor, createCommandScopes } from './command-scopes.ts';
import { fallbackFeature } from './features/fallback.ts';
import { menuFeature, settingsTimeFlow } from './features/menu.ts';
import {
  leaveTimezoneQuestion,
  OFFER_CALLBACKS,
  onboardingFeature,
  timezoneFlows,
} from './features/onboarding.ts';
import { quietHoursFlow } from './features/quiet-hours.ts';
import { createFlowRouter, type FlowDefinition, isCommand } from './flows/flow-router.ts';
import { createI18n } from './i18n.ts';
import { MENU_CALLBACKS } from './menus/live-menu.ts';
import { defaultTimezoneFor } from './timezone-lookup.ts';

export interface CreateBotDeps {
  token: string;
  apiRoot: string;
  /** Known bot identity (skips getMe); otherwise call `bot.init()` before handling updates. */
  botInfo?: UserFromGetMe;
  services: BotServices;
  logger: Logger;
  /** API transformers, outermost first (reply log, rate limits/retries…). */
  transformers?: Transformer[];
  /** Capabilities' bot features, in order. */
  features?: readonly BotFeature[];
  /** Capabilities' help lines, menu entries and settings. */
  shell?: BotShell;
}

/** The shell's own flows; capabilities' flows are named `<feature>-<flow>`. */
const SHELL_FLOWS = { ...timezoneFlows, quiet: quietHoursFlow, 'settings-time': settingsTimeFlow };

/** All flows by name; a name outside the feature's prefix or used twice fails the start. */
export function collectFlows(features: readonly BotFeature[]) {
  const flows: Record<string, FlowDefinition> = { ...SHELL_FLOWS };
  for (const feature of features) {
    for (const [name, flow] of Object.entries(feature.flows ?? {})) {
      if (!name.startsWith(`${feature.name}-`))
        throw new Error(`Flow "${name}" of ${feature.name} must be named "${feature.name}-<flow>"`);
      if (flows[name]) throw new Error(`Flow "${name}" is defined twice`);
      flows[name] = flow;
    }
  }
  return flows;
}

export function createBot(deps: CreateBotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.token, {
    // The reply log's commit point needs this fetch (telegram-fetch.ts).
    client: { apiRoot: deps.apiRoot, fetch: createTelegramFetch() },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  // grammY runs the last-installed transformer first; install so the first in the list is outermost.
  for (const transformer of [...(deps.transformers ?? [])].reverse()) bot.api.config.use(transformer);
  const features = deps.features ?? [];
  const i18n = createI18n(features.flatMap((f) => (f.localesDir ? [f.localesDir] : [])));
  checkCallbackPrefixes([
    { owner: 'the shell menu', codecs: [MENU_CALLBACKS, OFFER_CALLBACKS] },
    ...features.map((f) => ({ owner: f.name, codecs: f.callbacks ?? [] })),
  ]);
  const { exitOnCommand, router } = createFlowRouter(
    collectFlows(features),
    new Set(features.flatMap((f) => f.groupFlows ?? [])),
  );
  const shell = deps.shell ?? EMPTY_SHELL;
  const scopes = createCommandScopes({
    api: bot.api,
    catalog: commandCatalog(features),
    t: (language, key) => i18n.t(language, key),
    logger: deps.logger,
  });
  deps.services.users.onRolesChanged((user) => void scopes.changed(user));

  bot.use(async (ctx, next) => {
    ctx.services = deps.services;
    ctx.shell = shell;
    const from = ctx.from;
    if (from && !from.is_bot) {
      // Independent of the user's row, so sent beside it: a round trip instead of three.
      // Count by when the person sent it, not when we got to it: a backlog is not a flood.
      const sentAt = ctx.msg?.date ? new Date(ctx.msg.date * 1000) : deps.services.now();
      const flood = deps.services.flood.hit(from.id, sentAt);
      const flowActive =
        ctx.chat && isCommand(ctx)
          ? deps.services.flows.get(ctx.chat.id, from.id, deps.services.now()).then(Boolean)
          : null;
      // Awaited later (or never, when the row fails): not an unhandled rejection meanwhile.
      flood.catch(() => undefined);
      flowActive?.catch(() => undefined);
      ctx.early = { flood, flowActive };
      ctx.user = await deps.services.users.upsertFromTelegram(from, {
        // Onboarding's first guess, made here: /start then need not write it separately.
        timezone: defaultTimezoneFor(languageFromCode(from.language_code), from.language_code),
      });
      // Off the reply's path: a role holder's own "/" menu, set once per process and role set.
      if (ctx.chat?.type === 'private') void scopes.sync(ctx.user);
    }
    await next();
  });
  bot.use(i18n);
  bot.use(async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot || !ctx.user || !ctx.early) return next();
    const verdict = await ctx.early.flood;
    if (verdict === 'ok') return next();
    if (verdict === 'warn' && ctx.chat?.type === 'private') await ctx.reply(ctx.t('flood-warning'));
    deps.logger.info({ telegram_id: ctx.from.id, verdict }, 'flood control');
  });
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      // Telegram's "later" and outages (its 5xx, the network, the database) are not answered with
      // an apology: the update is run again once they pass (see update-worker.ts).
      if (isRetryable(error)) throw error;
      deps.logger.error({ err: error, update_id: ctx.update.update_id }, 'bot handler failed');
      if (ctx.chat?.type === 'private' && ctx.user) {
        await ctx.reply(ctx.t('error-generic', { trace: currentTraceId() ?? '-' })).catch(() => undefined);
      }
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    }
  });

  // chatType() inserts its filter where it is called, so each position gets its own.
  bot.chatType('private').use(leaveTimezoneQuestion, exitOnCommand, onboardingFeature);
  bot.use(menuFeature);
  // Flows run in every chat; the router lets only group flows answer outside private chats.
  bot.use(router);
  for (const feature of features) bot.use(feature.composer);
  bot.use(fallbackFeature);
  return bot;
}

/** Command lists per language, as Telegram shows them in the "/" menu (role-only commands left out). */
export async function registerCommands(
  bot: Bot<BotContext>,
  features: readonly BotFeature[] = [],
): Promise<void> {
  const i18n = createI18n(features.flatMap((f) => (f.localesDir ? [f.localesDir] : [])));
  const catalog = commandCatalog(features);
  const t = (language: string, key: string) => i18n.t(language, key);
  for (const language of ['en', 'ru'] as const) {
    const commands = commandsFor(catalog, [], language, t);
    await bot.api.setMyCommands(commands, language === 'en' ? {} : { language_code: language });
  }
}
