import type { BotContext } from './bot-context.ts';

/** One line of `/help`: a command and a Fluent key of the capability describing it. */
export interface HelpEntry {
  command: string;
  descriptionKey: string;
  /** Listed only for users holding this role. */
  role?: string;
}

/** A button of `/menu`; pressing it runs `open` (usually the handler of the capability's command). */
export interface MenuEntry {
  /** Unique across capabilities; short (it travels in callback data). */
  id: string;
  labelKey: string;
  role?: string;
  open(ctx: BotContext): Promise<void>;
}
