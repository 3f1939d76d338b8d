import type { Ai } from '../../platform/ai/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { NotifyFn, NotifyMedia } from '../capability.ts';
import type { FilingService } from './filing-service.ts';
import type { ForumService } from './forum-service.ts';
import { fetchLinkPreview, type LinkFetchOptions } from './link-preview.ts';
import type { Note, NoteRepository } from './note-repository.ts';
import type { NotesPreferencesStore } from './notes-settings.ts';
import type { TopicService } from './topic-service.ts';

/** Renders a note by the user's style or template (Telegram HTML). */
export async function renderNote(
  ai: Ai,
  note: Note,
  topicName: string,
  prefs: { style: string; template: string | null },
) {
  const rendered = await ai.renderNote({
    note: {
      text: [note.text, note.transcript ? `🎙 ${note.transcript}` : null].filter(Boolean).join('\n'),
      ...(note.link || note.source
        ? {
            source: {
              kind: note.link ? 'link' : 'forward',
              ...(note.source ? { from: note.source } : {}),
              ...(note.link?.url ? { url: note.link.url } : {}),
              ...(note.link?.title ? { title: note.link.title } : {}),
            },
          }
        : {}),
    },
    topicName,
    style: { preset: prefs.style as 'detailed', ...(prefs.template ? { template: prefs.template } : {}) },
  });
  return rendered.value.text;
}

/** The note's files as the forum gets them: the photo(s), document(s), voice or audio themselves. */
function mediaOf(note: Note): NotifyMedia[] {
  const kind =
    note.kind === 'photo' || note.kind === 'document' || note.kind === 'voice' || note.kind === 'audio'
      ? note.kind
      : null;
  return kind ? note.fileIds.slice(0, 10).map((fileId) => ({ kind, fileId })) : [];
}

export function createNotesJobs(deps: {
  db: Db;
  ai: Ai;
  notify: NotifyFn;
  filing: FilingService;
  forum: ForumService;
  topics: TopicService;
  repo: NoteRepository;
  prefs: NotesPreferencesStore;
  link: LinkFetchOptions;
  /** Says on the pending card that it expired into the Inbox. */
  expired(note: Note, inboxName: string): Promise<void>;
}) {
  const { db, repo } = deps;
  const jobs = {
    /** Posts a filed note into its topic's forum thread (when a forum is connected and posting is on). */
    async post({ noteId }: { noteId: string }) {
      const note = await repo.byId(db, noteId);
      if (note?.status !== 'filed' || !note.topicId) return;
      const [forum, prefs] = await Promise.all([deps.forum.of(note.userId), deps.prefs.get(note.userId)]);
      if (!forum || !prefs.postToForum) return;
      const topic = await deps.topics.get(note.userId, note.topicId);
      if (topic.closed) return;
      const threadId = await deps.forum.ensureThread(note.userId, forum.chatId, topic);
      const text = await renderNote(deps.ai, note, topic.name, prefs);
      const media = mediaOf(note);
      await deps.notify({
        chatId: forum.chatId,
        threadId,
        text,
        ...(media.length ? { media } : {}),
        parseMode: 'HTML',
        dedupeKey: `note:${note.id}:${topic.id}`,
      });
    },
    /** Fetches the link's title, description and site, then posts the note if it is filed. */
    async link({ noteId }: { noteId: string }) {
      const note = await repo.byId(db, noteId);
      if (!note?.link) return;
      const preview = await fetchLinkPreview(note.link.url, deps.link).catch(() => ({
        title: null,
        description: null,
        site: null,
      }));
      await repo.update(db, note.id, { link: preview });
      if (note.status === 'filed') await jobs.post({ noteId });
    },
    async expire({ noteId }: { noteId: string }) {
      const done = await deps.filing.expire(noteId);
      if (done) await deps.expired(done.note, done.inbox.name);
    },
  };
  return jobs;
}
