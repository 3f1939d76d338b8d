import { I18n } from '@grammyjs/i18n';
import { languageFromCode } from '../platform/users/user-service.ts';
import type { BotContext } from './bot-context.ts';

// No trailing slash: the plugin derives the locale from the path below this directory.
export const LOCALES_DIR = new URL('./locales', import.meta.url).pathname;
export const LANGUAGES = ['en', 'ru'] as const;

/** Fluent translations; the locale is the registered user's language, else Telegram's language_code. */
export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: 'en',
    directory: LOCALES_DIR,
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) =>
      (ctx as Partial<BotContext>).user?.language ?? languageFromCode(ctx.from?.language_code),
  });
}
