import type { BotContext } from './bot-context.ts';

/**
 * A grammY filter for role-only handlers: `composer.filter(hasRole('specialist'), …)`. Roles come
 * from the user row loaded for this update, so a revoked role stops working at once.
 */
export const hasRole =
  (role: string) =>
  (ctx: BotContext): boolean =>
    ctx.user?.roles.includes(role) ?? false;
