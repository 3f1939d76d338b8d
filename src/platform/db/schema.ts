import { bigint, boolean, index, integer, jsonb, pgTable, text, time, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as tstz } from './columns.ts';

// Platform tables only. Capabilities declare their own tables beside their code; the SQL in
// migrations/ is the source of truth and these definitions mirror it for typed queries.

/** A user role: `user`, `admin`, or one a capability declares (e.g. booking's `specialist`). */
export type Role = string;
export type Language = 'ru' | 'en';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  telegramId: bigint('telegram_id', { mode: 'number' }).unique(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name'),
  username: text('username'),
  language: text('language').$type<Language>().notNull().default('en'),
  timezone: text('timezone').notNull().default('UTC'),
  roles: text('roles').array().$type<Role[]>().notNull(),
  quietHoursStart: time('quiet_hours_start'),
  quietHoursEnd: time('quiet_hours_end'),
  blockedBotAt: tstz('blocked_bot_at'),
  notificationsEnabled: boolean('notifications_enabled').notNull().default(true),
  timezoneConfirmed: boolean('timezone_confirmed').notNull().default(false),
  onboardedAt: tstz('onboarded_at'),
  /** Bumped by "sign out everywhere"; API tokens carry it and older ones stop working. */
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: tstz('created_at').notNull().defaultNow(),
  lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorKind: text('actor_kind').$type<'user' | 'cli' | 'system'>().notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    traceId: text('trace_id'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

export const authRevokedTokens = pgTable('auth_revoked_tokens', {
  jti: text('jti').primaryKey(),
  userId: uuid('user_id').notNull(),
  expiresAt: tstz('expires_at').notNull(),
});

export const authInitDataUses = pgTable('auth_init_data_uses', {
  hash: text('hash').primaryKey(),
  expiresAt: tstz('expires_at').notNull(),
});

export const authLoginLinks = pgTable('auth_login_links', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
});

export type UserRow = typeof users.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
