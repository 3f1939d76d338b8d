import type { BotCommand, BotCommandScope, MenuButton } from '@grammyjs/types';
import { badRequest } from '../core/api-error.ts';
import { chatForBot } from '../core/chats.ts';
import { commandsKey } from '../core/store.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';

const SCOPES = new Set([
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  'chat',
  'chat_administrators',
  'chat_member',
]);

function scopeAndLanguage(p: Params, env: MethodEnv): { scope: BotCommandScope; language: string } {
  const scope = p.json<BotCommandScope>('scope', "can't parse BotCommandScope JSON object") ?? {
    type: 'default',
  };
  if (typeof scope !== 'object' || !SCOPES.has((scope as { type?: string }).type ?? '')) {
    throw badRequest('unsupported bot command scope type');
  }
  if ('chat_id' in scope) chatForBot(env.ctx, scope.chat_id);
  const language = p.str('language_code') ?? '';
  if (language !== '' && !/^[a-z]{2,3}$/.test(language)) throw badRequest('invalid language code specified');
  return { scope, language };
}

function checkCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw badRequest("can't parse commands JSON object");
  if (value.length > 100) throw badRequest('too many commands specified');
  return value.map((raw) => {
    const c = raw as Partial<BotCommand>;
    const command = typeof c.command === 'string' ? c.command.replace(/^\//, '') : '';
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    const description = typeof c.description === 'string' ? c.description.trim() : '';
    if (description.length < 1 || description.length > 256) throw badRequest('command description is empty');
    return { command, description };
  });
}

function menuKey(p: Params, env: MethodEnv): string {
  const chatId = p.raw.chat_id;
  if (chatId === undefined || chatId === '') return 'default';
  const record = chatForBot(env.ctx, chatId);
  if (record.chat.type !== 'private') throw badRequest('chat_id must be a private chat');
  return String(record.chat.id);
}

function checkMenuButton(button: MenuButton | undefined): MenuButton {
  if (button === undefined) return { type: 'default' };
  if (typeof button !== 'object' || button === null) throw badRequest("can't parse menu button JSON object");
  if (button.type === 'default' || button.type === 'commands') return { type: button.type };
  if (button.type === 'web_app') {
    if (!button.text) throw badRequest('menu button text is empty');
    try {
      new URL(button.web_app?.url ?? '');
    } catch {
      throw badRequest('BUTTON_URL_INVALID');
    }
    return { type: 'web_app', text: button.text, web_app: { url: button.web_app.url } };
  }
  throw badRequest('unsupported menu button type');
}

export function createSettingsMethods(): MethodTable {
  return {
    getme: (_p, env) => env.ctx.bot,
    logout: () => true,
    close: () => true,
    setmycommands(p, env) {
      const commands = checkCommands(p.json('commands'));
      const { scope, language } = scopeAndLanguage(p, env);
      env.ctx.store.commands.set(commandsKey(scope, language), { scope, language_code: language, commands });
      env.ctx.changed();
      return true;
    },
    getmycommands(p, env) {
      const { scope, language } = scopeAndLanguage(p, env);
      return env.ctx.store.commands.get(commandsKey(scope, language))?.commands ?? [];
    },
    deletemycommands(p, env) {
      const { scope, language } = scopeAndLanguage(p, env);
      env.ctx.store.commands.delete(commandsKey(scope, language));
      env.ctx.changed();
      return true;
    },
    setchatmenubutton(p, env) {
      const key = menuKey(p, env);
      const button = checkMenuButton(
        p.json<MenuButton>('menu_button', "can't parse menu button JSON object"),
      );
      env.ctx.store.menuButtons.set(key, button);
      env.ctx.changed();
      return true;
    },
    getchatmenubutton(p, env) {
      const key = menuKey(p, env);
      return (
        env.ctx.store.menuButtons.get(key) ?? env.ctx.store.menuButtons.get('default') ?? { type: 'default' }
      );
    },
    getmyname: (_p, env) => ({ name: env.ctx.bot.first_name }),
    getmydescription: () => ({ description: '' }),
    getmyshortdescription: () => ({ short_description: '' }),
  };
}
