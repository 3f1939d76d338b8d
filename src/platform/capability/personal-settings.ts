import { z } from '@hono/zod-openapi';
import { hasControlCharacters } from '../http/safe-input.ts';
import { HHMM, isTimezone } from '../time/local-time.ts';
import type { SettingsPatch, User, UserService } from '../users/user-service.ts';
import type { SettingDefinition, SettingsRegistry, SettingValue } from './settings.ts';

/**
 * A personal setting the three setting kinds cannot hold (a free-text template, a read-only link):
 * a capability contributes it beside its `settings`, and it appears in the capability's object of
 * `GET /api/v1/me/settings` under `field`.
 */
export interface SettingsExtra {
  /** snake_case name inside the capability's object. */
  field: string;
  /** The value's schema (what GET answers; what PUT/PATCH take unless read-only). */
  schema: z.ZodType;
  /** Shown, never written: PUT/PATCH ignore it (say in `description` how to change it). */
  readOnly?: boolean;
  description?: string;
  get(userId: string): Promise<unknown>;
  set?(userId: string, value: unknown): Promise<void>;
}

/** The whole object: the platform's own fields, then one object per capability that contributes any. */
export type PersonalSettings = {
  language: User['language'];
  timezone: string;
  quiet_hours: { start: string; end: string } | null;
  notifications: boolean;
} & Record<string, unknown>;

const hhmm = z.string().regex(HHMM, 'must be "HH:MM" (00:00–23:59)');
const platformFields = {
  language: z.enum(['ru', 'en']),
  timezone: z
    .string()
    .max(64)
    .refine(isTimezone, 'must be an IANA zone name like Europe/Berlin')
    .openapi({ example: 'Europe/Berlin' }),
  quiet_hours: z
    .object({ start: hhmm, end: hhmm })
    .strict()
    .nullable()
    .openapi({ description: 'Local "HH:MM" times; null switches quiet hours off' }),
  notifications: z.boolean().openapi({ description: 'Whether the bot may message you on its own' }),
};

const fieldOf = (key: string) => (key.split('.')[1] as string).replaceAll('-', '_');
const capabilityOf = (key: string) => key.split('.')[0] as string;

function definitionSchema(definition: SettingDefinition): z.ZodType {
  switch (definition.kind) {
    case 'toggle':
      return z.boolean();
    case 'choice':
      return z.enum(definition.choices as [string, ...string[]]);
    case 'time':
      return hhmm.nullable();
  }
}

/** A free text as a person types it: bounded, no control characters other than tab and newline. */
export const settingText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !hasControlCharacters(text), 'must not contain control characters');

type Field =
  | { kind: 'definition'; definition: SettingDefinition; schema: z.ZodType }
  | { kind: 'extra'; extra: SettingsExtra; schema: z.ZodType };

/**
 * Every personal setting as one object (the Mini App's Settings page, `GET/PUT/PATCH
 * /api/v1/me/settings`), assembled from the platform's user fields, the contributed settings and
 * the capabilities' extras. A write is checked whole before anything is stored.
 */
export function createPersonalSettings(deps: {
  users: UserService;
  registry: SettingsRegistry;
  extras: ReadonlyArray<{ capability: string; extra: SettingsExtra }>;
}) {
  const groups = new Map<string, Map<string, Field>>();
  const group = (name: string) => {
    const fields = groups.get(name) ?? new Map<string, Field>();
    groups.set(name, fields);
    return fields;
  };
  for (const definition of deps.registry.definitions)
    group(capabilityOf(definition.key)).set(fieldOf(definition.key), {
      kind: 'definition',
      definition,
      schema: definitionSchema(definition),
    });
  for (const { capability, extra } of deps.extras) {
    const fields = group(capability);
    if (fields.has(extra.field)) throw new Error(`Setting ${capability}.${extra.field} is contributed twice`);
    fields.set(extra.field, { kind: 'extra', extra, schema: extra.schema });
  }
  for (const name of groups.keys())
    if (name in platformFields) throw new Error(`A capability named ${name} would shadow a platform setting`);

  /** The shape GET answers (every field present). */
  const output = z
    .object({
      ...platformFields,
      ...Object.fromEntries(
        [...groups].map(([name, fields]) => [
          name,
          z.object(
            Object.fromEntries(
              [...fields].map(([field, f]) => [
                field,
                f.kind === 'extra' && f.extra.readOnly
                  ? f.schema.openapi({ readOnly: true, description: f.extra.description ?? 'Read-only' })
                  : f.schema,
              ]),
            ),
          ),
        ]),
      ),
    })
    .openapi('PersonalSettings');

  /** What PUT takes (every writable field; read-only ones may be sent back and are ignored). */
  const input = (partial: boolean) =>
    z
      .object({
        ...(partial
          ? Object.fromEntries(Object.entries(platformFields).map(([k, s]) => [k, s.optional()]))
          : platformFields),
        ...Object.fromEntries(
          [...groups].map(([name, fields]) => {
            const shape = Object.fromEntries(
              [...fields].map(([field, f]) => {
                const readOnly = f.kind === 'extra' && (f.extra.readOnly || !f.extra.set);
                return [field, readOnly ? z.unknown().optional() : partial ? f.schema.optional() : f.schema];
              }),
            );
            const object = z.object(shape).strict();
            return [name, partial ? object.optional() : object];
          }),
        ),
      })
      .strict();

  async function read(user: User): Promise<PersonalSettings> {
    // A choice like "70" can come back from jsonb as the number 70: it is read as the choice it is.
    const definitionValue = async (definition: SettingDefinition) => {
      const value = await deps.registry.get(user.id, definition.key);
      return definition.kind === 'choice' && value !== null ? String(value) : value;
    };
    const out: PersonalSettings = {
      language: user.language,
      timezone: user.timezone,
      quiet_hours:
        user.quietHoursStart && user.quietHoursEnd
          ? { start: user.quietHoursStart.slice(0, 5), end: user.quietHoursEnd.slice(0, 5) }
          : null,
      notifications: user.notificationsEnabled,
    };
    for (const [name, fields] of groups) {
      const values: Record<string, unknown> = {};
      for (const [field, f] of fields)
        values[field] =
          f.kind === 'definition' ? await definitionValue(f.definition) : await f.extra.get(user.id);
      out[name] = values;
    }
    return out;
  }

  /** Stores a checked body (PUT: whole, PATCH: any part). Read-only fields are skipped. */
  async function write(user: User, body: Record<string, unknown>): Promise<void> {
    const patch: SettingsPatch = {};
    if (body.language !== undefined) patch.language = body.language as User['language'];
    if (body.timezone !== undefined) patch.timezone = body.timezone as string;
    if (body.quiet_hours !== undefined)
      patch.quietHours = body.quiet_hours as { start: string; end: string } | null;
    if (body.notifications !== undefined) patch.notificationsEnabled = body.notifications as boolean;
    if (Object.keys(patch).length) await deps.users.updateSettings(user.id, patch);
    for (const [name, fields] of groups) {
      const values = body[name] as Record<string, unknown> | undefined;
      if (!values) continue;
      for (const [field, f] of fields) {
        const value = values[field];
        if (value === undefined) continue;
        if (f.kind === 'definition')
          await deps.registry.set(user.id, f.definition.key, value as SettingValue);
        else if (!f.extra.readOnly && f.extra.set) await f.extra.set(user.id, value);
      }
    }
  }

  return { output, input, read, write };
}

export type PersonalSettingsService = ReturnType<typeof createPersonalSettings>;
