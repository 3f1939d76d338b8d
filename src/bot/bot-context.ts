import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { User, UserService } from '../platform/users/user-service.ts';
import type { BotShell } from './bot-shell.ts';
import type { FloodControl, FloodVerdict } from './flood-control.ts';
import type { FlowStore } from './flows/flow-store.ts';
import type { MenuStore } from './menus/menu-store.ts';

/** What bot features may use: services only — no tables, no SQL (STYLE: the bot is a thin UI). */
export interface BotServices {
  users: UserService;
  flows: FlowStore;
  menus: MenuStore;
  flood: FloodControl;
  now: () => Date;
  webAppUrl?: string | undefined;
  /** Mints an API bearer token for this person (`/token`); absent where no API is served. */
  issueToken?: ((user: User) => Promise<{ token: string; expiresAt: Date }>) | undefined;
  /** A one-time, 10-minute sign-in link to the Mini App for a browser (`/web`); absent where no API is served. */
  issueLoginLink?: ((user: User) => Promise<{ url: string; expiresAt: Date }>) | undefined;
  /** Where the API reference lives (`…/docs`), for `/token`'s reply. */
  docsUrl?: string | undefined;
}

export type BotContext = Context &
  I18nFlavor & {
    services: BotServices;
    /** The registered user behind this update (set for every update that has a human `from`). */
    user: User;
    /** Capabilities' help lines, menu entries and settings. */
    shell: BotShell;
    /**
     * Started with the user's row, on their own connections (one round trip for the three):
     * this update's flood-control verdict, and for a command whether a flow was active.
     */
    early?: { flood: Promise<FloodVerdict>; flowActive: Promise<boolean> | null };
  };
