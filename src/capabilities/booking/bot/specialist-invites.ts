import type { BotContext } from '../../../bot/bot-context.ts';
import type { FlowStep } from '../../../bot/flows/flow-router.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import { INVITE_PAYLOAD, INVITE_TTL_HOURS, type SpecialistInvites } from '../booking-invites.ts';
import { errorText } from './bot-support.ts';

const USERNAME = /^@([A-Za-z0-9_]{3,32})$/;

/**
 * Specialists by invite link (issue 37, item 10): `/start spi_<token>` makes the person who opened
 * the link that specialist; "@sam" typed where the admin is asked for a specialist cannot be looked
 * up (Telegram tells bots nobody's id by username), so it is answered with a link to pass to them.
 */
export function createSpecialistInviteBot(invites: SpecialistInvites) {
  const link = (ctx: BotContext, payload: string) => `https://t.me/${ctx.me.username}?start=${payload}`;

  /** `/start spi_…`: true when the payload was an invite (used or refused), false otherwise. */
  async function onStart(ctx: BotContext, payload: string): Promise<boolean> {
    const m = INVITE_PAYLOAD.exec(payload.trim());
    if (!m || !ctx.from) return false;
    try {
      const { specialist } = await invites.accept(ctx.from.id, m[1] as string);
      await ctx.reply(ctx.t('booking-invite-accepted', { name: specialist.name }));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await ctx.reply(
        error.code === 'booking_invite_invalid' ? ctx.t('booking-invite-unusable') : errorText(ctx, error),
      );
    }
    return true;
  }

  /** The admin's "specialist's Telegram id?" step, with "@username" answered by an invite link. */
  function withUsernames(step: FlowStep): FlowStep {
    return async (ctx, data) => {
      const m = USERNAME.exec(ctx.message?.text?.trim() ?? '');
      if (!m) return step(ctx, data);
      const invite = await invites.create({ name: m[1] as string, createdBy: ctx.user.id });
      await ctx.reply(
        ctx.t('booking-invite-for-username', {
          username: `@${m[1]}`,
          link: link(ctx, invite.payload),
          hours: INVITE_TTL_HOURS,
        }),
      );
      return null;
    };
  }

  return { onStart, withUsernames };
}
