import type { Composer } from 'grammy';
import type { BotContext } from './bot-context.ts';
import type { CallbackCodec } from './callback-data.ts';
import type { FlowDefinition } from './flows/flow-router.ts';

/**
 * What a capability adds to the bot. The shell installs features after its own commands and the
 * flow router, before the fallback; so a feature sees a message only when no flow claimed it.
 */
export interface BotFeature {
  name: string;
  composer: Composer<BotContext>;
  /**
   * Multi-step flows, by name `<feature name>-<flow>` (checked at start, duplicates rejected);
   * start one with `startFlow(ctx, name, step)`.
   */
  flows?: Record<string, FlowDefinition>;
  /** Names of its flows that also run in groups and forum topics (others run in private chats only). */
  groupFlows?: readonly string[];
  /**
   * Commands for Telegram's "/" menu; `descriptionKey` is a Fluent key of this feature. One with a
   * `role` shows only in the menus of that role's holders.
   */
  commands?: Array<{ command: string; descriptionKey: string; role?: string }>;
  /** A directory with `en.ftl` and `ru.ftl`; keys must not collide with other features'. */
  localesDir?: string;
  /** Callback-data codecs of its buttons; a prefix used by two features fails the start. */
  callbacks?: readonly CallbackCodec[];
}
