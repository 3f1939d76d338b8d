import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import { languageFromCode } from '../platform/users/user-service.ts';
import type { BotContext } from './bot-context.ts';

/** A Fluent lookup in one language (`ctx.t`, or `i18n.t` bound to a user's language). */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** A Fluent lookup outside an update (jobs know the user's language, not a context). */
export type TranslateIn = (
  language: string,
  key: string,
  variables?: Record<string, string | number>,
) => string;

export const LOCALES_DIR = new URL('./locales', import.meta.url).pathname;
export const LANGUAGES = ['en', 'ru'] as const;

/** The Fluent source of one language: the shell's file plus each feature's, in order. */
export function localeSource(language: string, dirs: readonly string[]): string {
  return [LOCALES_DIR, ...dirs].map((dir) => readFileSync(join(dir, `${language}.ftl`), 'utf8')).join('\n');
}

/** Fluent translations; the locale is the registered user's language, else Telegram's language_code. */
export function createI18n(extraLocaleDirs: readonly string[] = []): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: 'en',
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) =>
      (ctx as Partial<BotContext>).user?.language ?? languageFromCode(ctx.from?.language_code),
  });
  for (const language of LANGUAGES) {
    i18n.loadLocaleSync(language, {
      source: localeSource(language, extraLocaleDirs),
      isDefault: language === 'en',
    });
  }
  return i18n;
}
