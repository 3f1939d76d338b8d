import { eq, sql } from 'drizzle-orm';
import type { SettingDefinition, SettingsReader } from '../../platform/capability/settings.ts';
import type { Db } from '../../platform/db/database.ts';
import { noteSettings } from './note-tables.ts';

export const THRESHOLDS = ['30', '40', '50', '60', '70', '80', '90'] as const;
export const TTLS = ['1h', '6h', '24h', '72h'] as const;
export const STYLES = ['detailed', 'compact', 'minimal'] as const;
export type NoteStyle = (typeof STYLES)[number];

/** Contributed to the platform's settings (/settings, GET/PUT /api/v1/settings/{key}). */
export const NOTES_SETTINGS: readonly SettingDefinition[] = [
  {
    key: 'notes.threshold',
    labelKey: 'notes-setting-threshold',
    kind: 'choice',
    choices: THRESHOLDS,
    default: '50',
  },
  { key: 'notes.ttl', labelKey: 'notes-setting-ttl', kind: 'choice', choices: TTLS, default: '24h' },
  {
    key: 'notes.style',
    labelKey: 'notes-setting-style',
    kind: 'choice',
    choices: STYLES,
    default: 'detailed',
  },
  { key: 'notes.forum', labelKey: 'notes-setting-forum', kind: 'toggle', default: true },
];

export interface NotesPreferences {
  threshold: number;
  ttlMs: number;
  style: NoteStyle;
  postToForum: boolean;
  /** Where notes go when there is no topic to choose from; null = Inbox. */
  defaultTopicId: string | null;
  /** A user template with {title} {tags} {text} {source} {topic}; null = the style preset. */
  template: string | null;
}

const HOUR = 3_600_000;

/** The platform's settings plus the two the setting kinds cannot hold (a topic, a free template). */
export function createNotesPreferences(db: Db, settings: SettingsReader, now: () => Date) {
  return {
    async get(userId: string): Promise<NotesPreferences> {
      const [threshold, ttl, style, forum] = await Promise.all(
        ['threshold', 'ttl', 'style', 'forum'].map((k) => settings.get(userId, `notes.${k}`)),
      );
      const [own] = await db.select().from(noteSettings).where(eq(noteSettings.userId, userId));
      return {
        threshold: Number(threshold) / 100,
        ttlMs: Number.parseInt(String(ttl), 10) * HOUR,
        style: style as NoteStyle,
        postToForum: forum === true,
        defaultTopicId: own?.defaultTopicId ?? null,
        template: own?.template ?? null,
      };
    },
    async setOwn(userId: string, patch: { defaultTopicId?: string | null; template?: string | null }) {
      await db
        .insert(noteSettings)
        .values({ userId, defaultTopicId: null, template: null, ...patch, updatedAt: now() })
        .onConflictDoUpdate({
          target: noteSettings.userId,
          set: {
            ...('defaultTopicId' in patch ? { defaultTopicId: sql`excluded.default_topic_id` } : {}),
            ...('template' in patch ? { template: sql`excluded.template` } : {}),
            updatedAt: now(),
          },
        });
    },
  };
}
export type NotesPreferencesStore = ReturnType<typeof createNotesPreferences>;
