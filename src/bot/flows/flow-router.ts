import { Composer } from 'grammy';
import type { BotContext } from '../bot-context.ts';

/**
 * A step handler consumes one message; it returns the next step, or null when the flow is over,
 * or `'pass'` when the message was not an answer at all: the flow ends and the message is handled
 * as if no flow were running (a task typed instead of a city is still a task).
 */
export type FlowStep = (
  ctx: BotContext,
  data: Record<string, unknown>,
) => Promise<{ step: string; data?: Record<string, unknown> } | null | 'pass'>;

export type FlowDefinition = Record<string, FlowStep>;

/** Starts (or replaces) the person's flow in this chat. */
export async function startFlow(
  ctx: BotContext,
  flow: string,
  step: string,
  data: Record<string, unknown> = {},
) {
  if (!ctx.chat || !ctx.from) return;
  await ctx.services.flows.set(ctx.chat.id, ctx.from.id, { flow, step, data }, ctx.services.now());
}

export const isCommand = (ctx: Pick<BotContext, 'message'>) =>
  ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;

/**
 * Routes messages to the person's active flow. Any command leaves the flow first (the command then
 * runs normally); an expired flow is dropped with a note and the message is handled as usual.
 */
export function createFlowRouter(
  flows: Record<string, FlowDefinition>,
  /** Flows that also run in groups and forum topics (the rest only in private chats). */
  groupFlows: ReadonlySet<string> = new Set(),
): {
  exitOnCommand: Composer<BotContext>;
  router: Composer<BotContext>;
} {
  const exitOnCommand = new Composer<BotContext>();
  exitOnCommand.on('message', async (ctx, next) => {
    // No flow when the update came in (looked up beside the user's row): nothing to leave.
    const active = (await ctx.early?.flowActive) ?? true;
    if (active && isCommand(ctx) && !ctx.message.text?.startsWith('/cancel')) {
      await ctx.services.flows.clear(ctx.chat.id, ctx.from.id);
    }
    await next();
  });

  const router = new Composer<BotContext>();
  router.on(['message:text', 'message:location'], async (ctx, next) => {
    const { flows: store, now } = ctx.services;
    const active = await store.get(ctx.chat.id, ctx.from.id, now());
    if (!active) return next();
    // A private-only flow never answers in a group, even when the same person started it there.
    if (ctx.chat.type !== 'private' && !groupFlows.has(active.flow)) return next();
    const step = flows[active.flow]?.[active.step];
    if (active.expired || !step) {
      await store.clear(ctx.chat.id, ctx.from.id);
      await ctx.reply(ctx.t('flow-expired'));
      return next();
    }
    const result = await step(ctx, active.data);
    if (result === 'pass') {
      await store.clear(ctx.chat.id, ctx.from.id);
      return next();
    }
    if (result) {
      await store.set(
        ctx.chat.id,
        ctx.from.id,
        { flow: active.flow, step: result.step, data: result.data ?? active.data },
        now(),
      );
    } else {
      await store.clear(ctx.chat.id, ctx.from.id);
    }
  });
  return { exitOnCommand, router };
}
