import { Composer } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import type { BotFeature } from '../../../bot/bot-feature.ts';
import { parseClockTime } from '../../../bot/features/quiet-hours.ts';
import { startFlow } from '../../../bot/flows/flow-router.ts';
import type { ParsedText, ParseOptions } from '../../../platform/nl/parsed-text.ts';
import type { DigestService } from '../digest-service.ts';
import { LIST_CALLBACKS, OCCURRENCE_CALLBACKS } from '../reminder-messages.ts';
import type { ReminderService } from '../reminder-types.ts';
import { EDIT_FLOW, handleListButton } from './card-actions.ts';
import { createEditFlow } from './edit-flow.ts';
import { handleOccurrenceButton } from './occurrence-buttons.ts';
import { createRemindFlow, remindFromText } from './remind-flow.ts';
import { showReminderList } from './reminder-list.ts';

const REMIND_FLOW = 'reminders-remind';

export const REMINDERS_LOCALES_DIR = new URL('../locales', import.meta.url).pathname;

export interface ReminderFeatureDeps {
  reminders: ReminderService;
  digest: DigestService;
  /** The free-text date parser (src/platform/nl). */
  parse: (text: string, options: ParseOptions) => ParsedText;
}

const OFF = new Set(['off', 'no', 'none', 'выкл', 'выключить', 'нет', 'откл']);

/** /remind, /reminders (the list and each reminder's card), /digest and the buttons of reminder messages. */
export function createReminderFeature(deps: ReminderFeatureDeps): BotFeature {
  const { reminders, digest } = deps;
  const composer = new Composer<BotContext>();
  const chat = composer.chatType('private');

  chat.command('remind', async (ctx) => {
    const text = ctx.match.trim();
    if (!text) {
      await startFlow(ctx, REMIND_FLOW, 'what');
      await ctx.reply(ctx.t('reminders-ask-what'));
      return;
    }
    const next = await remindFromText(ctx, deps, text, null);
    if (next) await startFlow(ctx, REMIND_FLOW, next.step, next.data);
  });
  chat.command('reminders', (ctx) => showReminderList(ctx, reminders));
  chat.command('digest', async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (!arg) {
      const current = await digest.get(ctx.user.id);
      await ctx.reply(
        current.time
          ? ctx.t('reminders-digest-status-on', { time: current.time })
          : ctx.t('reminders-digest-status-off'),
      );
      return;
    }
    if (OFF.has(arg)) {
      await digest.set(ctx.user.id, null);
      await ctx.reply(ctx.t('reminders-digest-off'));
      return;
    }
    const time = parseClockTime(arg);
    if (!time) {
      await ctx.reply(ctx.t('reminders-digest-bad'));
      return;
    }
    await digest.set(ctx.user.id, time);
    await ctx.reply(ctx.t('reminders-digest-set', { time, timezone: ctx.user.timezone }));
  });

  composer.callbackQuery(OCCURRENCE_CALLBACKS.pattern, (ctx) => handleOccurrenceButton(ctx, reminders));
  composer.callbackQuery(LIST_CALLBACKS.pattern, (ctx) => handleListButton(ctx, reminders));

  return {
    name: 'reminders',
    composer,
    flows: { [REMIND_FLOW]: createRemindFlow(deps), [EDIT_FLOW]: createEditFlow(deps) },
    commands: [
      { command: 'remind', descriptionKey: 'reminders-cmd-remind' },
      { command: 'reminders', descriptionKey: 'reminders-cmd-reminders' },
      { command: 'digest', descriptionKey: 'reminders-cmd-digest' },
    ],
    localesDir: REMINDERS_LOCALES_DIR,
    callbacks: [OCCURRENCE_CALLBACKS, LIST_CALLBACKS],
  };
}
