import { asc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { type ActorRole, bookingAdTemplates, bookingNotificationSettings } from '../booking-tables.ts';
import { NOTICE_EVENTS, type NoticeEvent, rolesTold } from './notice-matrix.ts';

export type NoticeChannel = 'telegram' | 'web_push';

export interface NoticeCell {
  event: NoticeEvent;
  role: ActorRole;
  channel: NoticeChannel;
  enabled: boolean;
  adTemplateId: string | null;
}

export interface CellChange {
  event: string;
  role: string;
  channel: string;
  enabled?: boolean | undefined;
  adTemplateId?: string | null | undefined;
}

export type AdTemplate = typeof bookingAdTemplates.$inferSelect;

/**
 * The switchable cells: each recipient the matrix may tell of an event, by Telegram; a client also by
 * Web Push (web clients have no chat). Staff have no Web Push channel, so it is not offered.
 */
export const NOTICE_CELLS: ReadonlyArray<{ event: NoticeEvent; role: ActorRole; channel: NoticeChannel }> =
  NOTICE_EVENTS.flatMap((event) =>
    rolesTold(event).flatMap((role) => [
      { event, role, channel: 'telegram' as const },
      ...(role === 'client' ? [{ event, role, channel: 'web_push' as const }] : []),
    ]),
  );

const isCell = (c: { event: string; role: string; channel: string }) =>
  NOTICE_CELLS.some((x) => x.event === c.event && x.role === c.role && x.channel === c.channel);

const missingTemplate = (id: string) =>
  new DomainError('not_found', 'booking_ad_template_missing', `No ad template ${id}`);

/** The notification switchboard (event × recipient × channel → on/off, ad footer) and ad templates. */
export function createNoticeSettings(deps: { db: Db }) {
  const { db } = deps;

  async function matrix(q: Db | Tx = db): Promise<NoticeCell[]> {
    const rows = await q.select().from(bookingNotificationSettings);
    return NOTICE_CELLS.map((cell) => {
      const row = rows.find(
        (r) => r.event === cell.event && r.recipientRole === cell.role && r.channel === cell.channel,
      );
      // A missing row means "on, no ad" (the migration's rule).
      return { ...cell, enabled: row?.enabled ?? true, adTemplateId: row?.adTemplateId ?? null };
    });
  }

  /** Drops templates no cell uses any more that a footer made (the bot's set/clear). */
  async function dropUnused(tx: Tx, ids: Array<string | null>) {
    for (const id of new Set(ids.filter((x): x is string => x !== null))) {
      const [used] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(bookingNotificationSettings)
        .where(eq(bookingNotificationSettings.adTemplateId, id));
      if ((used?.n ?? 0) === 0) await tx.delete(bookingAdTemplates).where(eq(bookingAdTemplates.id, id));
    }
  }

  async function write(tx: Tx, changes: CellChange[]) {
    const current = await matrix(tx);
    for (const change of changes) {
      const cell = current.find(
        (c) => c.event === change.event && c.role === change.role && c.channel === change.channel,
      ) as NoticeCell;
      const enabled = change.enabled ?? cell.enabled;
      const adTemplateId = change.adTemplateId === undefined ? cell.adTemplateId : change.adTemplateId;
      await tx
        .insert(bookingNotificationSettings)
        .values({ event: cell.event, recipientRole: cell.role, channel: cell.channel, enabled, adTemplateId })
        .onConflictDoUpdate({
          target: [
            bookingNotificationSettings.event,
            bookingNotificationSettings.recipientRole,
            bookingNotificationSettings.channel,
          ],
          set: { enabled, adTemplateId },
        });
    }
  }

  return {
    matrix: () => matrix(),

    /** Changes some cells; refuses the whole change when one cell or template does not exist. */
    async update(changes: CellChange[]): Promise<NoticeCell[]> {
      const unknown = changes.filter((c) => !isCell(c));
      if (unknown.length)
        throw new DomainError(
          'invalid',
          'booking_notice_cell_unknown',
          `No such notice: ${unknown.map((c) => `${c.event}/${c.role}/${c.channel}`).join(', ')} (GET lists them)`,
        );
      const templateIds = [
        ...new Set(changes.flatMap((c) => (typeof c.adTemplateId === 'string' ? [c.adTemplateId] : []))),
      ];
      return db.transaction(async (tx) => {
        if (templateIds.length) {
          const found = await tx
            .select({ id: bookingAdTemplates.id })
            .from(bookingAdTemplates)
            .where(inArray(bookingAdTemplates.id, templateIds));
          const missing = templateIds.find((id) => !found.some((f) => f.id === id));
          if (missing) throw missingTemplate(missing);
        }
        await write(tx, changes);
        return matrix(tx);
      });
    },

    /** Flips one cell (the bot's toggle); returns the new state. */
    async toggle(cell: { event: string; role: string; channel: string }): Promise<boolean> {
      if (!isCell(cell)) throw new DomainError('invalid', 'booking_notice_cell_unknown', 'No such notice');
      return db.transaction(async (tx) => {
        const now = (await matrix(tx)).find(
          (c) => c.event === cell.event && c.role === cell.role && c.channel === cell.channel,
        ) as NoticeCell;
        await write(tx, [{ ...cell, enabled: !now.enabled }]);
        return !now.enabled;
      });
    },

    /** One footer for every notice of an event (a new template), or none (`null`). */
    async setEventFooter(event: NoticeEvent, text: string | null): Promise<void> {
      const clean = text?.trim() ?? null;
      if (clean !== null && (clean.length === 0 || clean.length > 300))
        throw new DomainError('invalid', 'booking_ad_text_invalid', 'A footer is 1–300 characters');
      await db.transaction(async (tx) => {
        const cells = (await matrix(tx)).filter((c) => c.event === event);
        let id: string | null = null;
        if (clean !== null) {
          id = uuidv7();
          await tx.insert(bookingAdTemplates).values({ id, text: clean, active: true });
        }
        await write(
          tx,
          cells.map((c) => ({ ...c, adTemplateId: id })),
        );
        await dropUnused(
          tx,
          cells.map((c) => c.adTemplateId),
        );
      });
    },

    /** The footer text each event's notices carry now (active templates only). */
    async footers(): Promise<Map<NoticeEvent, string>> {
      const cells = await matrix();
      const templates = await db.select().from(bookingAdTemplates).where(eq(bookingAdTemplates.active, true));
      const out = new Map<NoticeEvent, string>();
      for (const c of cells) {
        const text = templates.find((t) => t.id === c.adTemplateId)?.text;
        if (text && !out.has(c.event)) out.set(c.event, text);
      }
      return out;
    },

    listTemplates: (): Promise<AdTemplate[]> =>
      db
        .select()
        .from(bookingAdTemplates)
        .orderBy(asc(bookingAdTemplates.createdAt), asc(bookingAdTemplates.id)),

    async createTemplate(input: { text: string; active?: boolean | undefined }): Promise<AdTemplate> {
      const [row] = await db
        .insert(bookingAdTemplates)
        .values({ id: uuidv7(), text: input.text, active: input.active ?? true })
        .returning();
      return row as AdTemplate;
    },

    async updateTemplate(
      id: string,
      input: { text?: string | undefined; active?: boolean | undefined },
    ): Promise<AdTemplate> {
      if (input.text === undefined && input.active === undefined) {
        const [same] = await db.select().from(bookingAdTemplates).where(eq(bookingAdTemplates.id, id));
        if (!same) throw missingTemplate(id);
        return same;
      }
      const [row] = await db
        .update(bookingAdTemplates)
        .set({
          ...(input.text !== undefined ? { text: input.text } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        })
        .where(eq(bookingAdTemplates.id, id))
        .returning();
      if (!row) throw missingTemplate(id);
      return row;
    },

    /** Removes a template; the cells using it lose their footer (ON DELETE SET NULL). */
    async deleteTemplate(id: string): Promise<void> {
      const gone = await db
        .delete(bookingAdTemplates)
        .where(eq(bookingAdTemplates.id, id))
        .returning({ id: bookingAdTemplates.id });
      if (gone.length === 0) throw missingTemplate(id);
    },
  };
}

export type NoticeSettings = ReturnType<typeof createNoticeSettings>;
