import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Api } from 'grammy';
import type { Context, Hono } from 'hono';
import type { BotFeature } from '../bot/bot-feature.ts';
import type { HelpEntry, MenuEntry } from '../bot/help-menu.ts';
import type { Ai, OfflineTopicRanker } from '../platform/ai/index.ts';
import type { ActivityListener, ActivityPort } from '../platform/capability/activity.ts';
import type { ErasurePort, ErasureStep } from '../platform/capability/erasure.ts';
import type { InboxTarget, InboxTargetRegistry } from '../platform/capability/inbox-targets.ts';
import type { MiniAppPage } from '../platform/capability/mini-app-pages.ts';
import type { SettingsExtra } from '../platform/capability/personal-settings.ts';
import type { RoleDeclaration } from '../platform/capability/roles.ts';
import type { ScheduleDefinition, ScheduleHandler, Schedules } from '../platform/capability/schedules.ts';
import type { ServiceNeeds, ServicesOf } from '../platform/capability/service-needs.ts';
import type { SettingDefinition, SettingsReader } from '../platform/capability/settings.ts';
import type { Database, Db, Tx } from '../platform/db/database.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import type { JobPort, QueueDefinition } from '../platform/jobs/job-queue.ts';
import type { Logger } from '../platform/observability/logger.ts';
import type { Outbound } from '../platform/outbound/outbound.ts';
import type { NotifyMessage } from '../platform/telegram/index.ts';
import type { TelegramActions } from '../platform/telegram/telegram-actions.ts';
import type { User, UserService } from '../platform/users/user-service.ts';

export type { HelpEntry, MenuEntry } from '../bot/help-menu.ts';
export type { ActivityEvent, ActivityListener, ActivityPort } from '../platform/capability/activity.ts';
export type { ErasedPerson, ErasurePort, ErasureStep } from '../platform/capability/erasure.ts';
export type {
  InboxClaim,
  InboxContent,
  InboxTarget,
  InboxTargetRegistry,
} from '../platform/capability/inbox-targets.ts';
export { claimsIntent, inboxKeys } from '../platform/capability/inbox-targets.ts';
export type { MiniAppPage } from '../platform/capability/mini-app-pages.ts';
export type { SettingsExtra } from '../platform/capability/personal-settings.ts';
export type { RoleDeclaration } from '../platform/capability/roles.ts';
export type { ScheduleDefinition, ScheduleHandler, ScheduleRule } from '../platform/capability/schedules.ts';
export { need } from '../platform/capability/service-needs.ts';
export type { SettingDefinition } from '../platform/capability/settings.ts';
export type { NotifyMedia } from '../platform/telegram/index.ts';
export type { TelegramActions } from '../platform/telegram/telegram-actions.ts';

/** Sends a Telegram message as a durable job (retried, dead-lettered); pass `tx` to commit it with a write. */
export type NotifyFn = (
  message: NotifyMessage,
  options?: { tx?: Tx; startAfter?: Date },
) => Promise<string | null>;

/** What every capability may use. Capabilities talk to each other only through `requires` services. */
export interface CapabilityDeps {
  database: Database;
  db: Db;
  /** The job port (no pg-boss behind it: a capability never reaches the library). */
  jobs: JobPort;
  notify: NotifyFn;
  telegram: TelegramActions;
  /**
   * The one Telegram client (shared limits, 429 handling, blocked users marked), for sends whose
   * result matters now: bulk delivery, editing a live progress message. Prefer `notify` otherwise.
   * Available once the bot runtime started (call it when sending, not in `create`).
   */
  telegramApi: () => Api;
  users: UserService;
  ai: Ai;
  /** Values of contributed settings (this capability's and others'), by key. */
  settings: SettingsReader;
  /** Every capability's inbox targets (filled once all are built; read it when a message comes). */
  inboxTargets: InboxTargetRegistry;
  /** Per-user local-time schedules: switch one on (`set`) or off (`set(…, null)`). */
  schedules: Schedules;
  /**
   * Report what a person did (`task.done`, `reminder.snoozed`, `note.filed`, `booking.created`);
   * pass `tx` so the record commits with the change. Listeners are other capabilities' business.
   */
  activity: ActivityPort;
  /** A person erasing themselves (/forget): what every capability will do, and doing it. */
  erasure: ErasurePort;
  /**
   * The address people reach this server at, for links sent out (a calendar feed): PUBLIC_URL,
   * else the address it listens on (known once it listens, so call it when building a link).
   */
  publicUrl: () => string;
  /** Sign-in and files for people who reach a capability without Telegram (web clients). */
  web: WebSupport;
  /** The clock; tests drive it (pg-boss TestClock), so never call `new Date()` for "now". */
  now: () => Date;
  logger: Logger;
}

/**
 * What a capability needs to sign in people without Telegram: the platform's own bearer tokens (the
 * same JWTs the Mini App gets, revocable alike), a per-purpose secret, and the data directory.
 */
export interface WebSupport {
  /** A platform bearer token for this user (valid on every `'user'` route). */
  mintToken(user: User): Promise<{ token: string; expiresAt: Date }>;
  /** The user a token names, or null when it is invalid, expired or signed out. */
  userOfToken(token: string): Promise<User | null>;
  /** Signs this one token out server-side (a copy of the cookie stops working too); a bad token is ignored. */
  revokeToken(token: string): Promise<void>;
  /** A 32-byte key for one purpose, derived from the server's master key. */
  deriveKey(purpose: string): Buffer;
  /** DATA_DIR: owner-only files (write them with `writePrivateFile`). */
  dataDir: string;
  /** True in sandbox mode (no Telegram token): development adapters (codes in a log) are allowed. */
  development: boolean;
  /** E-mail (SMTP_URL) and SMS (SMS_WEBHOOK_URL), each present only when configured. */
  outbound: Outbound;
  /** Where a request came from (X-Forwarded-For only as far as TRUST_PROXY allows), for per-address limits. */
  clientIp(c: Context): string | null;
}

/** Who may call a route: anyone, any signed-in user, or a user holding a role (declared by some capability). */
export type Access = 'public' | 'user' | { role: string };

export interface RouteMount {
  /** Under /api/v1, e.g. `/tasks`. */
  path: string;
  app: OpenAPIHono<AppEnv>;
  access: Access;
}

/** Server-side pages under `/app/<capability>` (plain HTML now; the Mini App's pages later). */
export interface WebMount {
  app: Hono | OpenAPIHono<AppEnv>;
  /** Pages the Mini App lists: a path under the mount and a Fluent key for its title. */
  pages: Array<{ path: string; titleKey: string }>;
}

/**
 * One vertical slice, declared statically (its queues, schedules, roles and needs are known before
 * anything starts) with a factory for the running parts. The platform resolves `requires` from the
 * `provides` of other modules (start fails naming the missing service) and builds in that order.
 */
export interface CapabilityModule<Needs extends ServiceNeeds = Record<string, never>, Provides = undefined> {
  /** kebab-case, unique; prefixes its queues, settings, schedules and callback data. */
  name: string;
  /** The name other capabilities `need` this capability's service under. */
  provides?: string;
  requires?: Needs;
  /** User roles this capability introduces (the platform knows `user` and `admin`). */
  roles?: readonly RoleDeclaration[];
  queues?: readonly QueueDefinition[];
  /** Per-user local-time jobs; their handlers come from `create(...).schedules`. */
  schedules?: readonly ScheduleDefinition[];
  create(deps: CapabilityDeps, services: ServicesOf<Needs>): Capability<Provides>;
}

/** A running capability: everything it contributes; the platform assembles the rest. */
export interface Capability<Provides = undefined> {
  service?: Provides;
  /** API resources under /api/v1, each with its access level. */
  routes?: readonly RouteMount[];
  bot?: BotFeature;
  /** Shown in the one `/settings` menu and served by the one settings API. */
  settings?: readonly SettingDefinition[];
  /** Personal settings no setting kind holds (free text, a read-only link), for `/api/v1/me/settings`. */
  settingsExtras?: readonly SettingsExtra[];
  /** Lines of `/help` and buttons of `/menu`. */
  help?: readonly HelpEntry[];
  menu?: readonly MenuEntry[];
  /**
   * One-tap opt-ins offered as buttons when a newcomer finishes onboarding (a weekly report);
   * `open` switches it on and says where to change it.
   */
  offers?: readonly MenuEntry[];
  /** What the smart inbox may file into this capability. */
  inboxTargets?: readonly InboxTarget[];
  /**
   * A better offline topic ranking for the AI port's note classification (POST /ai/classify without
   * a model) than the platform's rules; the composition root gives the AI port the first one.
   */
  offlineTopicRanker?: OfflineTopicRanker;
  /** Handlers of the schedules the module declared, by schedule name. */
  schedules?: Record<string, ScheduleHandler>;
  /** Hears every capability's activity reports (in the reporter's transaction). */
  onActivity?: ActivityListener;
  /** What this capability does when a person erases themselves, beyond rows deleted with them. */
  erasure?: ErasureStep;
  web?: WebMount;
  /**
   * Pages of the Mini App (`web/src/capabilities/<name>/index.ts` holds their components); `GET
   * /api/v1/app` lists them to users holding each page's role while this capability is enabled.
   */
  miniApp?: { pages: readonly MiniAppPage[] };
  /** Registers job handlers; called in processes that run workers. */
  startWorkers?(): Promise<void>;
  /** Releases what `create`/`startWorkers` acquired (timers, connections); called once at shutdown. */
  stop?(): Promise<void>;
}

/** Any module, for lists (the concrete needs/provides types are checked where each is defined). */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of modules; each is typed at its definition.
export type AnyCapabilityModule = CapabilityModule<any, any>;
