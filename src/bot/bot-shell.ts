import type { SettingsRegistry } from '../platform/capability/settings.ts';
import type { HelpEntry, MenuEntry } from './help-menu.ts';

/** What capabilities contribute to the shell's /help, /menu and /settings (assembled by the system). */
export interface BotShell {
  settings: SettingsRegistry | null;
  help: readonly HelpEntry[];
  menu: readonly MenuEntry[];
  /** Opt-ins offered under the last onboarding message (absent = none). */
  offers?: readonly MenuEntry[];
}

export const EMPTY_SHELL: BotShell = { settings: null, help: [], menu: [] };

/** Entries meant for this user (entries with a role only for its holders). */
export const forUser = <T extends { role?: string }>(entries: readonly T[], roles: readonly string[]) =>
  entries.filter((e) => !e.role || roles.includes(e.role));
