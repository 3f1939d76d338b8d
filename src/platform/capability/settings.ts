import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { HHMM } from '../time/local-time.ts';
import { userSettings } from './platform-tables.ts';

export type SettingValue = boolean | string | null;

/**
 * A per-user setting a capability contributes: the platform shows it in `/settings`, serves it in
 * `GET/PUT /api/v1/settings`, validates and stores it. Labels are Fluent keys of the capability:
 * `labelKey`, and for a choice `<labelKey>-<choice>`.
 */
export type SettingDefinition = {
  /** `<capability>.<name>`, e.g. `tasks.digest`. */
  key: string;
  labelKey: string;
  /** Custom storage (a capability's own table); by default the platform's user_settings. */
  store?: {
    get(userId: string): Promise<SettingValue>;
    set(userId: string, value: SettingValue): Promise<void>;
  };
} & (
  | { kind: 'toggle'; default: boolean }
  | { kind: 'choice'; choices: readonly string[]; default: string }
  /** "HH:MM" local, or null for off. */
  | { kind: 'time'; default: string | null }
);

export interface SettingsReader {
  get(userId: string, key: string): Promise<SettingValue>;
  /** Every contributed setting with this user's value (an export, the settings page). */
  all(userId: string): Promise<Array<{ definition: SettingDefinition; value: SettingValue }>>;
}

export interface SettingsRegistry extends SettingsReader {
  definitions: readonly SettingDefinition[];
  set(userId: string, key: string, value: unknown): Promise<SettingValue>;
}

function check(definition: SettingDefinition, value: unknown): SettingValue {
  const invalid = (hint: string) =>
    new DomainError('invalid', 'setting_invalid', `${definition.key} ${hint}`, { key: definition.key });
  switch (definition.kind) {
    case 'toggle':
      if (typeof value !== 'boolean') throw invalid('must be true or false');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !definition.choices.includes(value))
        throw invalid(`must be one of ${definition.choices.join(', ')}`);
      return value;
    case 'time':
      if (value !== null && (typeof value !== 'string' || !HHMM.test(value)))
        throw invalid('must be "HH:MM" (00:00–23:59) or null');
      return value;
  }
}

/** The one place contributed settings live; a key declared twice fails at start. */
export function createSettingsRegistry(db: Db, definitions: readonly SettingDefinition[]): SettingsRegistry {
  const byKey = new Map<string, SettingDefinition>();
  for (const definition of definitions) {
    if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(definition.key))
      throw new Error(`Setting key "${definition.key}" must look like <capability>.<name>`);
    if (byKey.has(definition.key)) throw new Error(`Setting "${definition.key}" is declared twice`);
    byKey.set(definition.key, definition);
  }
  const find = (key: string) => {
    const definition = byKey.get(key);
    if (!definition) throw new DomainError('not_found', 'setting_not_found', `No setting ${key}`, { key });
    return definition;
  };
  const read = async (userId: string, definition: SettingDefinition): Promise<SettingValue> => {
    if (definition.store) return definition.store.get(userId);
    const [row] = await db
      .select({ value: userSettings.value })
      .from(userSettings)
      .where(and(eq(userSettings.userId, userId), eq(userSettings.key, definition.key)));
    return row ? (row.value as SettingValue) : definition.default;
  };
  return {
    definitions,
    get: (userId, key) => read(userId, find(key)),
    async set(userId, key, value) {
      const definition = find(key);
      const checked = check(definition, value);
      if (definition.store) await definition.store.set(userId, checked);
      else
        await db
          .insert(userSettings)
          .values({ userId, key, value: checked })
          .onConflictDoUpdate({
            target: [userSettings.userId, userSettings.key],
            set: { value: sql`excluded.value`, updatedAt: sql`now()` },
          });
      return checked;
    },
    all: (userId) =>
      Promise.all(
        definitions.map(async (definition) => ({ definition, value: await read(userId, definition) })),
      ),
  };
}
