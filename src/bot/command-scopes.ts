import type { BotCommand } from '@grammyjs/types';
import type { Api } from 'grammy';
import type { Logger } from '../platform/observability/logger.ts';
import type { BotFeature } from './bot-feature.ts';

export interface CommandEntry {
  command: string;
  descriptionKey: string;
  /** Shown in the "/" menu only to holders of this role. */
  role?: string;
}

type Translate = (language: string, key: string) => string;

const SHELL = ['start', 'menu', 'settings', 'language', 'token', 'web', 'cancel', 'help'].map(
  (command): CommandEntry => ({ command, descriptionKey: `cmd-${command}` }),
);

/** Every command in menu order: /start, the capabilities' commands, then the shell's. */
export function commandCatalog(features: readonly BotFeature[]): CommandEntry[] {
  const [start, ...rest] = SHELL;
  return [...(start ? [start] : []), ...features.flatMap((f) => f.commands ?? []), ...rest];
}

/** The "/" menu of someone holding `roles`, in `language`. */
export function commandsFor(
  catalog: readonly CommandEntry[],
  roles: readonly string[],
  language: string,
  t: Translate,
): BotCommand[] {
  return catalog
    .filter((c) => !c.role || roles.includes(c.role))
    .map((c) => ({ command: c.command, description: t(language, c.descriptionKey) }));
}

interface ScopedPerson {
  telegramId: number | null;
  roles: readonly string[];
  language: string;
}

/**
 * Role-only commands (/admin, /schedule) appear only in their holders' menus: the default lists
 * leave them out and a holder's private chat gets its own list (Telegram's per-chat command
 * scope). `sync` runs as a person writes (once per process and role set, so a grant made while the
 * app was down shows after their next message); `changed` runs when roles change, also to remove.
 */
export function createCommandScopes(deps: {
  api: Api;
  catalog: readonly CommandEntry[];
  t: Translate;
  logger: Logger;
}) {
  const applied = new Map<number, string>();
  const signature = (p: ScopedPerson) => {
    const extra = p.roles.filter((r) => r !== 'user').sort();
    return extra.length ? `${p.language}:${extra.join(',')}` : '';
  };
  async function apply(p: ScopedPerson & { telegramId: number }, wanted: string) {
    applied.set(p.telegramId, wanted);
    const scope = { type: 'chat' as const, chat_id: p.telegramId };
    try {
      if (wanted)
        await deps.api.setMyCommands(commandsFor(deps.catalog, p.roles, p.language, deps.t), { scope });
      else await deps.api.deleteMyCommands({ scope });
    } catch (error) {
      applied.delete(p.telegramId); // tried again at their next message
      deps.logger.warn({ err: error, telegram_id: p.telegramId }, 'could not set the chat command menu');
    }
  }
  return {
    async sync(p: ScopedPerson): Promise<void> {
      if (p.telegramId === null) return;
      const wanted = signature(p);
      if ((applied.get(p.telegramId) ?? '') !== wanted)
        await apply({ ...p, telegramId: p.telegramId }, wanted);
    },
    async changed(p: ScopedPerson): Promise<void> {
      if (p.telegramId !== null) await apply({ ...p, telegramId: p.telegramId }, signature(p));
    },
  };
}

export type CommandScopes = ReturnType<typeof createCommandScopes>;
