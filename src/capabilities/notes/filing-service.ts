import { and, eq } from 'drizzle-orm';
import type { Ai, NoteClassification, OfflineTopicRanker } from '../../platform/ai/index.ts';
import type { ActivityPort } from '../../platform/capability/activity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { JobPort } from '../../platform/jobs/job-queue.ts';
import { createOfflineFiling } from './classifier/offline-filing.ts';
import type { Note, NoteRepository } from './note-repository.ts';
import { type NoteKind, notes } from './note-tables.ts';
import type { NotesPreferencesStore } from './notes-settings.ts';
import type { NoteTopic, TopicService } from './topic-service.ts';

export const EXPIRE_QUEUE = 'notes.expire';
export const POST_QUEUE = 'notes.post';
export const LINK_QUEUE = 'notes.link';
export const CLASSIFY_QUEUE = 'notes.classify';
export interface NoteJob {
  noteId: string;
}

export interface CaptureInput {
  text: string;
  kind: NoteKind;
  source?: string | null;
  linkUrl?: string | null;
  transcript?: string | null;
  fileIds?: string[];
  chatId?: number;
  messageId?: number;
  /** Telegram's media_group_id of an album item: later items of that album join this note. */
  mediaGroupId?: string | null;
}

export interface Filing {
  note: Note;
  topic: NoteTopic | null;
  /** Best topics first (up to three), for the pending card. */
  alternatives: Array<{ topic: NoteTopic; confidence: number }>;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;
export const firstUrl = (text: string) => text.match(URL_IN_TEXT)?.[0] ?? null;

const missing = (id: string) => new DomainError('not_found', 'note_not_found', `No note ${id}`, { id });

/** Classifies, files or holds as pending, and learns from every correction. */
export function createFilingService(deps: {
  db: Db;
  ai: Ai;
  jobs: JobPort;
  topics: TopicService;
  repo: NoteRepository;
  prefs: NotesPreferencesStore;
  now: () => Date;
  /** Where `note.filed` / `note.moved` are reported. */
  activity?: ActivityPort;
  /** The notes' offline topic ranking (shared with the AI port's offline path, one cache). */
  ranker?: OfflineTopicRanker;
}) {
  const { db, ai, jobs, topics, repo, prefs, now } = deps;
  const offline = createOfflineFiling(deps.ranker);

  async function classify(userId: string, note: { text: string; kind: NoteKind }, candidates: NoteTopic[]) {
    const known = new Set(candidates.map((t) => t.id));
    const examples = (await topics.examples(userId)).filter((e) => known.has(e.topicId));
    const described = candidates.map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      keywords: t.keywords,
    }));
    const result = await ai.classifyNote(
      {
        note: { text: note.text, source: { kind: note.kind === 'audio' ? 'voice' : note.kind } },
        topics: described,
        examples,
      },
      { userId, tellUser: true },
    );
    // Without a model the notes' own classifier, which learns from this person's examples, decides.
    return result.source === 'offline'
      ? offline.file(result.value, { text: note.text, topics: described, examples })
      : result.value;
  }

  const byId = (list: NoteTopic[], id: string | null) => list.find((t) => t.id === id) ?? null;
  // The card always offers three topics: when the classifier saw nothing in common, the rest follow in order.
  const alternativesOf = (list: NoteTopic[], c: Pick<NoteClassification, 'alternatives'>) => {
    const ranked = c.alternatives.flatMap((a) => {
      const topic = byId(list, a.topicId);
      return topic ? [{ topic, confidence: a.confidence }] : [];
    });
    const rest = list
      .filter((t) => !ranked.some((r) => r.topic.id === t.id))
      .map((topic) => ({ topic, confidence: 0 }));
    return [...ranked, ...rest].slice(0, 3);
  };

  async function fileInto(tx: Tx, note: Note, topicId: string, example: boolean) {
    await repo.update(tx, note.id, { topicId, status: 'filed', expiresAt: null });
    const kind = note.status === 'filed' ? 'note.moved' : 'note.filed';
    await deps.activity?.record(note.userId, kind, { noteId: note.id, topicId }, { tx });
    if (example)
      await topics.addExample(
        note.userId,
        topicId,
        [note.text, note.transcript].filter(Boolean).join('\n'),
        note.id,
        tx,
      );
    await jobs.send<NoteJob>(POST_QUEUE, { noteId: note.id }, { tx });
  }

  /** Files when confident, else holds for the person; with no topics at all it goes to the default topic or the Inbox. */
  async function decide(userId: string, input: { text: string; transcript?: string | null; kind: NoteKind }) {
    const all = await topics.list(userId);
    const inbox = all.find((t) => t.isInbox) ?? (await topics.inbox(userId));
    const candidates = all.filter((t) => !t.isInbox && !t.closed);
    const preferences = await prefs.get(userId);
    const text = [input.text, input.transcript].filter(Boolean).join('\n');
    const c = candidates.length ? await classify(userId, { text, kind: input.kind }, candidates) : null;
    const best = c ? byId(candidates, c.topicId) : null;
    const confident = !c || (best !== null && c.confidence >= preferences.threshold);
    const topic = confident ? (best ?? byId(all, preferences.defaultTopicId) ?? inbox) : null;
    return {
      topic,
      alternatives: c ? alternativesOf(candidates, c) : [],
      fields: {
        confidence: c?.confidence ?? 0,
        alternatives: c?.alternatives ?? [],
        status: topic ? ('filed' as const) : ('pending' as const),
        topicId: topic?.id ?? null,
        expiresAt: topic ? null : new Date(now().getTime() + preferences.ttlMs),
      },
    };
  }

  async function afterDecision(tx: Tx, note: Note, topic: NoteTopic | null) {
    if (topic)
      await deps.activity?.record(note.userId, 'note.filed', { noteId: note.id, topicId: topic.id }, { tx });
    if (note.link) await jobs.send<NoteJob>(LINK_QUEUE, { noteId: note.id }, { tx });
    if (topic && !note.link) await jobs.send<NoteJob>(POST_QUEUE, { noteId: note.id }, { tx });
    if (!topic)
      await jobs.send<NoteJob>(
        EXPIRE_QUEUE,
        { noteId: note.id },
        { tx, startAfter: note.expiresAt ?? now() },
      );
  }

  const service = {
    async capture(userId: string, input: CaptureInput): Promise<Filing> {
      const d = await decide(userId, input);
      const note = await db.transaction(async (tx) => {
        const saved = await repo.insert(tx, {
          userId,
          kind: input.kind,
          text: input.text,
          transcript: input.transcript ?? null,
          source: input.source ?? null,
          linkUrl: input.linkUrl ?? null,
          fileIds: input.fileIds ?? [],
          chatId: input.chatId ?? null,
          messageId: input.messageId ?? null,
          mediaGroupId: input.mediaGroupId ?? null,
          ...d.fields,
        });
        await afterDecision(tx, saved, d.topic);
        return saved;
      });
      return { note, topic: d.topic, alternatives: d.alternatives };
    },

    /**
     * A note written straight into a topic's forum thread: filed there as it is (the person chose
     * the topic, so it is an example for the classifier), and not posted again — it is in the thread.
     */
    async captureInto(userId: string, input: CaptureInput, topicId: string): Promise<Note> {
      const topic = await topics.get(userId, topicId);
      return db.transaction(async (tx) => {
        const note = await repo.insert(tx, {
          userId,
          kind: input.kind,
          text: input.text,
          transcript: input.transcript ?? null,
          source: input.source ?? null,
          linkUrl: input.linkUrl ?? null,
          fileIds: input.fileIds ?? [],
          chatId: input.chatId ?? null,
          messageId: input.messageId ?? null,
          mediaGroupId: input.mediaGroupId ?? null,
          confidence: 1,
          alternatives: [],
          status: 'filed',
          topicId: topic.id,
          expiresAt: null,
        });
        await deps.activity?.record(userId, 'note.filed', { noteId: note.id, topicId: topic.id }, { tx });
        const example = [note.text, note.transcript].filter(Boolean).join('\n');
        if (example) await topics.addExample(userId, topic.id, example, note.id, tx);
        return note;
      });
    },

    /**
     * Keeps a note inside the caller's transaction (the smart inbox's Save) and classifies it in a
     * job: classification reads settings and topics, which must not wait on that open transaction.
     */
    async hold(userId: string, input: CaptureInput, tx: Tx): Promise<Note> {
      const note = await repo.insert(tx, {
        userId,
        kind: input.kind,
        text: input.text,
        linkUrl: input.linkUrl ?? null,
        status: 'pending',
        topicId: null,
        confidence: 0,
        expiresAt: null,
      });
      await jobs.send<NoteJob>(CLASSIFY_QUEUE, { noteId: note.id }, { tx });
      return note;
    },

    /** Classifies a held note (once); null when it was already decided or is gone. */
    async classifyHeld(noteId: string): Promise<Filing | null> {
      const held = await repo.byId(db, noteId);
      if (held?.status !== 'pending' || held.expiresAt) return null;
      const d = await decide(held.userId, held);
      const note = await db.transaction(async (tx) => {
        await repo.update(tx, held.id, d.fields);
        const updated = { ...held, ...d.fields };
        await afterDecision(tx, updated, d.topic);
        return updated;
      });
      return { note, topic: d.topic, alternatives: d.alternatives };
    },

    async get(userId: string, id: string): Promise<Note> {
      const note = await repo.get(db, userId, id);
      if (!note) throw missing(id);
      return note;
    },

    /** A choice on a pending card or a Move of a filed note: both teach the classifier. */
    async move(userId: string, id: string, topicId: string): Promise<Note> {
      const topic = await topics.get(userId, topicId);
      return db.transaction(async (tx) => {
        const note = await repo.get(tx, userId, id);
        if (!note) throw missing(id);
        await fileInto(tx, { ...note }, topic.id, true);
        return { ...note, topicId: topic.id, status: 'filed' as const, expiresAt: null };
      });
    },

    async remove(userId: string, id: string): Promise<void> {
      if (!(await repo.remove(db, userId, id))) throw missing(id);
    },

    /** A pending note whose TTL passed goes to the Inbox; null when it was answered meanwhile. */
    async expire(id: string): Promise<{ note: Note; inbox: NoteTopic } | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ userId: notes.userId })
          .from(notes)
          .where(and(eq(notes.id, id), eq(notes.status, 'pending')));
        if (!row) return null;
        const note = await repo.get(tx, row.userId, id);
        if (!note?.expiresAt || note.expiresAt > now()) return null;
        const inbox = await topics.inbox(row.userId, tx);
        await fileInto(tx, note, inbox.id, false);
        return { note: { ...note, topicId: inbox.id, status: 'filed' as const }, inbox };
      });
    },

    /** A reply to a filed note adds to it (its forum copy is not edited; the addition is posted). */
    async append(userId: string, id: string, text: string): Promise<Note> {
      const note = await service.get(userId, id);
      const joined = `${note.text}\n\n${text}`.slice(0, 20_000);
      await repo.update(db, id, { text: joined });
      return { ...note, text: joined };
    },

    /** The note an album's first item created in this chat (null for a new album). */
    async albumNote(userId: string, chatId: number, mediaGroupId: string): Promise<Note | null> {
      return repo.findBy(
        db,
        userId,
        and(eq(notes.chatId, chatId), eq(notes.mediaGroupId, mediaGroupId)) as never,
      );
    },

    /**
     * A later item of an album joins its note: its files, and its caption when it brings new text.
     * Idempotent: an item delivered twice adds nothing (`added` is false).
     */
    async addToAlbum(
      userId: string,
      id: string,
      item: { fileIds: string[]; caption: string },
    ): Promise<{ note: Note; added: boolean }> {
      return db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ id: notes.id })
          .from(notes)
          .where(and(eq(notes.userId, userId), eq(notes.id, id)))
          .for('update');
        const note = locked ? await repo.get(tx, userId, id) : null;
        if (!note) throw missing(id);
        const fresh = item.fileIds.filter((f) => !note.fileIds.includes(f));
        if (!fresh.length) return { note, added: false };
        const caption = item.caption.trim();
        const text =
          caption && !note.text.includes(caption)
            ? (note.text ? `${note.text}\n\n${caption}` : caption).slice(0, 20_000)
            : note.text;
        const fileIds = [...note.fileIds, ...fresh];
        await repo.update(tx, id, { fileIds, text });
        return { note: { ...note, fileIds, text }, added: true };
      });
    },

    /** The filing a stored note shows on its card (to redraw the card when an album grows). */
    async filingOf(note: Note): Promise<Filing> {
      const all = await topics.list(note.userId);
      const candidates = all.filter((t) => !t.isInbox && !t.closed);
      const topic =
        note.status === 'filed' ? (byId(all, note.topicId) ?? (await topics.inbox(note.userId))) : null;
      return { note, topic, alternatives: alternativesOf(candidates, note) };
    },

    async attachCard(id: string, cardMessageId: number) {
      await repo.update(db, id, { cardMessageId });
    },

    /** The note a message refers to: the user's original message or the bot's card, in that chat. */
    async byMessage(userId: string, chatId: number, messageId: number): Promise<Note | null> {
      return (
        (await repo.findBy(
          db,
          userId,
          and(eq(notes.chatId, chatId), eq(notes.messageId, messageId)) as never,
        )) ??
        (await repo.findBy(
          db,
          userId,
          and(eq(notes.chatId, chatId), eq(notes.cardMessageId, messageId)) as never,
        ))
      );
    },

    preferences: (userId: string) => prefs.get(userId),

    list: (
      userId: string,
      filter: { q?: string; topicId?: string; status?: 'filed' | 'pending'; limit?: number },
    ) => repo.list(db, userId, { ...filter, limit: filter.limit ?? 50 }),
  };
  return service;
}
export type FilingService = ReturnType<typeof createFilingService>;
