import { desc, eq, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db, Queryable } from '../db/database.ts';
import { authRevokedTokens, type Language, type Role, type UserRow, users } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { isTimezone } from '../time/local-time.ts';

/** What Telegram tells us about a person (from an update or Mini App initData). */
export interface TelegramProfile {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export type User = UserRow;

export interface UserService {
  /** Creates the user on first contact, refreshes names and last-seen afterwards. Idempotent. */
  /** `timezone`: the first guess a new row starts with (an existing one keeps its own). */
  upsertFromTelegram(profile: TelegramProfile, options?: { timezone?: string }): Promise<User>;
  /** Pass `tx` to read inside an open transaction (sees its uncommitted writes, holds no second connection). */
  getById(id: string, options?: { tx?: Queryable }): Promise<User | null>;
  getByTelegramId(telegramId: number): Promise<User | null>;
  /**
   * The user an API token names, and whether that very token was signed out — one query, run on
   * every request, so roles and revocations take effect at once.
   */
  getTokenHolder(id: string, tokenId: string): Promise<{ user: User; tokenRevoked: boolean } | null>;
  /** Adds a role by Telegram id, creating a placeholder user if they never wrote to the bot. */
  grantRole(
    telegramId: number,
    role: Role,
    actor: { kind: 'cli' | 'user' | 'system'; userId?: string },
  ): Promise<User>;
  updateSettings(id: string, patch: SettingsPatch): Promise<User>;
  /** Newest first, after `before` (an id from the previous page) when given. */
  list(options?: { limit?: number; before?: string }): Promise<User[]>;
  /**
   * Sets a user's roles to exactly these (plus `user`), auditing each grant and revoke. An admin
   * cannot drop their own admin role (nobody would be left to give it back).
   */
  setRoles(id: string, roles: readonly Role[], actor: { kind: 'user'; userId: string }): Promise<User>;
  /** Called (in this process) after a grant or `setRoles` commits: the bot updates the person's menu. */
  onRolesChanged(listener: (user: User) => void): void;
}

export interface SettingsPatch {
  language?: Language;
  timezone?: string;
  timezoneConfirmed?: boolean;
  /** "HH:MM" local times, or null to switch quiet hours off. */
  quietHours?: { start: string; end: string } | null;
  notificationsEnabled?: boolean;
  onboarded?: boolean;
}

/** `last_seen_at` of a user made by a role grant who has not written to the bot yet. */
const NEVER_SEEN = new Date(0);

export const languageFromCode = (code: string | undefined): Language =>
  code?.toLowerCase().startsWith('ru') ? 'ru' : 'en';

export function createUserService(deps: { db: Db; adminTelegramIds?: readonly number[] }): UserService {
  const { db } = deps;
  const admins = new Set(deps.adminTelegramIds ?? []);
  const roleListeners: Array<(user: User) => void> = [];
  const rolesChanged = (user: User) => {
    for (const listener of roleListeners) listener(user);
    return user;
  };

  async function getByTelegramId(telegramId: number) {
    const [row] = await db.select().from(users).where(eq(users.telegramId, telegramId)).limit(1);
    return row ?? null;
  }

  return {
    async upsertFromTelegram(profile, options = {}) {
      // Roles are kept sorted, as the SQL that merges them (array_agg DISTINCT) returns them.
      const roles: Role[] = admins.has(profile.id) ? ['admin', 'user'] : ['user'];
      const [row] = await db
        .insert(users)
        .values({
          id: uuidv7(),
          telegramId: profile.id,
          firstName: profile.first_name,
          lastName: profile.last_name ?? null,
          username: profile.username ?? null,
          language: languageFromCode(profile.language_code),
          roles,
          ...(options.timezone && isTimezone(options.timezone) ? { timezone: options.timezone } : {}),
        })
        .onConflictDoUpdate({
          target: users.telegramId,
          set: {
            firstName: profile.first_name,
            lastName: profile.last_name ?? null,
            username: profile.username ?? null,
            // Someone a role grant created before they ever wrote speaks their Telegram's language.
            language: sql`CASE WHEN ${users.lastSeenAt} = ${NEVER_SEEN} THEN excluded.language ELSE ${users.language} END`,
            lastSeenAt: sql`now()`,
            // Writing to us again means they unblocked the bot.
            blockedBotAt: null,
            // ADMIN_TELEGRAM_IDS grants, never revokes: a role given by the CLI survives restarts.
            roles: admins.has(profile.id)
              ? sql`(SELECT array_agg(DISTINCT r) FROM unnest(${users.roles} || ARRAY['admin']::text[]) AS r)`
              : sql`${users.roles}`,
          },
        })
        .returning();
      if (!row) throw new Error('upsert returned no row');
      return row;
    },
    async getById(id, options = {}) {
      const [row] = await (options.tx ?? db).select().from(users).where(eq(users.id, id)).limit(1);
      return row ?? null;
    },
    getByTelegramId,
    async getTokenHolder(id, tokenId) {
      const [row] = await db
        .select({
          user: users,
          tokenRevoked: sql<boolean>`exists (select 1 from ${authRevokedTokens} where ${eq(authRevokedTokens.jti, tokenId)})`,
        })
        .from(users)
        .where(eq(users.id, id))
        .limit(1);
      return row ?? null;
    },
    async updateSettings(id, patch) {
      if (patch.timezone !== undefined && !isTimezone(patch.timezone)) {
        throw new DomainError('invalid', 'timezone_invalid', `Unknown IANA timezone: ${patch.timezone}`);
      }
      const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
      if (patch.quietHours && (!hhmm.test(patch.quietHours.start) || !hhmm.test(patch.quietHours.end))) {
        throw new DomainError('invalid', 'quiet_hours_invalid', 'Quiet hours must be HH:MM times');
      }
      const [row] = await db
        .update(users)
        .set({
          ...(patch.language ? { language: patch.language } : {}),
          ...(patch.timezone ? { timezone: patch.timezone } : {}),
          ...(patch.timezoneConfirmed !== undefined ? { timezoneConfirmed: patch.timezoneConfirmed } : {}),
          ...(patch.quietHours !== undefined
            ? {
                quietHoursStart: patch.quietHours?.start ?? null,
                quietHoursEnd: patch.quietHours?.end ?? null,
              }
            : {}),
          ...(patch.notificationsEnabled !== undefined
            ? { notificationsEnabled: patch.notificationsEnabled }
            : {}),
          ...(patch.onboarded ? { onboardedAt: sql`coalesce(${users.onboardedAt}, now())` } : {}),
        })
        .where(eq(users.id, id))
        .returning();
      if (!row) throw new DomainError('not_found', 'user_not_found', `No user ${id}`);
      return row;
    },
    async list(options = {}) {
      return db
        .select()
        .from(users)
        .where(options.before ? lt(users.id, options.before) : undefined)
        .orderBy(desc(users.id))
        .limit(options.limit ?? 50);
    },
    async setRoles(id, wanted, actor) {
      const next = [...new Set<Role>(['user', ...wanted])].sort();
      if (actor.userId === id && !next.includes('admin'))
        throw new DomainError(
          'conflict',
          'own_admin_role',
          'You cannot take the admin role from yourself: ask another admin',
        );
      const updated = await db.transaction(async (tx) => {
        const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
        if (!current) throw new DomainError('not_found', 'user_not_found', `No user ${id}`);
        const [row] = await tx.update(users).set({ roles: next }).where(eq(users.id, id)).returning();
        if (!row) throw new Error('update returned no row');
        const changes = [
          ...next.filter((r) => !current.roles.includes(r)).map((role) => ['role.grant', role] as const),
          ...current.roles.filter((r) => !next.includes(r)).map((role) => ['role.revoke', role] as const),
        ];
        for (const [action, role] of changes)
          await recordAudit(tx, {
            actorKind: 'user',
            actorUserId: actor.userId,
            action,
            subjectType: 'user',
            subjectId: id,
            details: { telegram_id: current.telegramId, role },
          });
        return row;
      });
      return rolesChanged(updated);
    },
    onRolesChanged(listener) {
      roleListeners.push(listener);
    },
    async grantRole(telegramId, role, actor) {
      if (!Number.isSafeInteger(telegramId) || telegramId <= 0) {
        throw new DomainError('invalid', 'telegram_id_invalid', `Not a Telegram user id: ${telegramId}`);
      }
      const granted = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            id: uuidv7(),
            telegramId,
            firstName: `user ${telegramId}`,
            roles: (['user', role] as Role[]).sort(),
            lastSeenAt: NEVER_SEEN,
          })
          .onConflictDoUpdate({
            target: users.telegramId,
            set: {
              roles: sql`(SELECT array_agg(DISTINCT r) FROM unnest(${users.roles} || ARRAY[${role}]::text[]) AS r)`,
            },
          })
          .returning();
        if (!row) throw new Error('grant returned no row');
        await recordAudit(tx, {
          actorKind: actor.kind,
          actorUserId: actor.userId ?? null,
          action: 'role.grant',
          subjectType: 'user',
          subjectId: row.id,
          details: { telegram_id: telegramId, role },
        });
        return row;
      });
      return rolesChanged(granted);
    },
  };
}
