import type { InlineKeyboardButton } from 'grammy/types';
import type { BotContext } from '../../../bot/bot-context.ts';
import { isDomainError } from '../../../platform/errors/domain-error.ts';
import type { BookingService } from '../booking-service.ts';
import type { BookingSetup } from '../booking-setup.ts';
import type { NoticeSettings } from '../notices/notice-settings.ts';

export interface BookingBotDeps {
  bookings: BookingService;
  setup: BookingSetup;
  notices: NoticeSettings;
}

/** The client's booking in progress, kept in the flow store (survives restarts, expires with flows). */
export interface Draft {
  serviceId?: string;
  locationId?: string;
  /** A specialist id, or 'any'. */
  specialistId?: string;
  /** Set when the draft moves an existing booking. */
  rescheduleId?: string;
}

export const DRAFT_FLOW = 'booking-draft';

export async function getDraft(ctx: BotContext): Promise<Draft> {
  if (!ctx.chat || !ctx.from) return {};
  const active = await ctx.services.flows.get(ctx.chat.id, ctx.from.id, ctx.services.now());
  return active && !active.expired && active.flow === DRAFT_FLOW ? (active.data as Draft) : {};
}

export async function setDraft(ctx: BotContext, draft: Draft): Promise<void> {
  if (!ctx.chat || !ctx.from) return;
  await ctx.services.flows.set(
    ctx.chat.id,
    ctx.from.id,
    { flow: DRAFT_FLOW, step: 'buttons', data: { ...draft } },
    ctx.services.now(),
  );
}

/** Shows a screen: edits the message the button was on, or sends a new one after a command. */
export async function show(
  ctx: BotContext,
  text: string,
  rows: InlineKeyboardButton[][] = [],
): Promise<void> {
  const reply_markup = { inline_keyboard: rows };
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, { reply_markup });
  } else {
    await ctx.reply(text, { reply_markup });
  }
}

/** A domain error as the person's language says it; anything else is rethrown. */
export function errorText(ctx: BotContext, error: unknown): string {
  if (!isDomainError(error)) throw error;
  const key = `booking-error-${error.code.replaceAll('_', '-')}`;
  const text = ctx.t(key);
  return text === key ? ctx.t('booking-error-generic') : text;
}

/** Buttons in rows of `width`. */
export function grid(buttons: InlineKeyboardButton[], width: number): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += width) rows.push(buttons.slice(i, i + width));
  return rows;
}

/** Slot starts travel in buttons as base-36 epoch minutes (6 characters). */
export const packMinute = (at: Date) => Math.round(at.getTime() / 60_000).toString(36);
export const unpackMinute = (packed: string | undefined) => {
  const n = packed && /^[0-9a-z]{1,9}$/.test(packed) ? Number.parseInt(packed, 36) : Number.NaN;
  return Number.isFinite(n) ? new Date(n * 60_000) : null;
};
