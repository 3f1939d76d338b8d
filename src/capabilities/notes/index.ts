import { createI18n, type Translate } from '../../bot/i18n.ts';
import type { InboxTarget } from '../../platform/capability/inbox-targets.ts';
import { settingText } from '../../platform/capability/personal-settings.ts';
import { escapeHtml } from '../../platform/telegram/telegram-html.ts';
import type { CapabilityModule } from '../capability.ts';
import { filedCard, pendingCard } from './bot/note-cards.ts';
import { showNotesOverview } from './bot/notes-commands.ts';
import { createNotesFeature } from './bot/notes-feature.ts';
import { createOfflineRanker } from './classifier/offline-filing.ts';
import {
  CLASSIFY_QUEUE,
  createFilingService,
  EXPIRE_QUEUE,
  type FilingService,
  firstUrl,
  LINK_QUEUE,
  type NoteJob,
  POST_QUEUE,
} from './filing-service.ts';
import { createForumService } from './forum-service.ts';
import { createNotesRoutes } from './http/notes-routes.ts';
import type { LinkFetchOptions } from './link-preview.ts';
import { looksLikeNote } from './looks-like-note.ts';
import { createNoteRepository } from './note-repository.ts';
import { createNotesJobs } from './notes-jobs.ts';
import { createNotesPreferences, NOTES_SETTINGS } from './notes-settings.ts';
import { createTopicService } from './topic-service.ts';

const LOCALES = new URL('./locales', import.meta.url).pathname;

/** What the smart inbox files here: lines neither a task nor a reminder (the model's "note"). */
function noteTarget(filing: FilingService): InboxTarget {
  return {
    kind: 'note',
    order: 30,
    cardKey: 'notes-inbox-card',
    savedKey: 'notes-inbox-saved',
    switchKey: 'notes-inbox-switch',
    verbatim: true,
    claim: (parsed, model) =>
      model
        ? model.intent === 'note'
          ? 1
          : null
        : parsed.intent === 'unknown' && !parsed.invalidTime && looksLikeNote(parsed.title)
          ? 0.5
          : null,
    // The card already holds the person's confirmation; filing happens after the draft commits.
    async save(userId, content) {
      const url = firstUrl(content.title);
      const filed = await filing.capture(userId, {
        text: content.title,
        kind: url ? 'link' : 'text',
        linkUrl: url,
      });
      return { id: filed.note.id };
    },
  };
}

/** Options a build or a test sets when it creates the module. */
export interface NotesModuleOptions {
  /** Link preview limits; `allowPrivate` is the test-only door to a local HTTP server. */
  link?: LinkFetchOptions;
}

/** Personal secretary notes (SPEC 2.3): capture, filing into topics, learning, forum threads. */
export function createNotesModule(
  options: NotesModuleOptions = {},
): CapabilityModule<Record<string, never>, FilingService> {
  return {
    name: 'notes',
    provides: 'notes',
    queues: [
      { name: EXPIRE_QUEUE },
      { name: CLASSIFY_QUEUE },
      { name: POST_QUEUE },
      { name: LINK_QUEUE, retryLimit: 2, expireInSeconds: 60 },
    ],
    create(deps) {
      const topics = createTopicService({ db: deps.db, now: deps.now });
      const repo = createNoteRepository(deps.now);
      const prefs = createNotesPreferences(deps.db, deps.settings, deps.now);
      const ranker = createOfflineRanker();
      const filing = createFilingService({
        db: deps.db,
        ai: deps.ai,
        jobs: deps.jobs,
        topics,
        repo,
        prefs,
        now: deps.now,
        activity: deps.activity,
        ranker,
      });
      const forum = createForumService({ db: deps.db, topics, telegram: deps.telegram, now: deps.now });
      const i18n = createI18n([LOCALES]);
      const jobs = createNotesJobs({
        db: deps.db,
        ai: deps.ai,
        notify: deps.notify,
        filing,
        forum,
        topics,
        repo,
        prefs,
        link: options.link ?? {},
        async expired(note, inboxName) {
          const user = await deps.users.getById(note.userId);
          if (!user || !note.chatId || !note.cardMessageId) return;
          const text = i18n.t(user.language, 'notes-expired', {
            // The Inbox's stored name is English; the person reads it in their language.
            topic: escapeHtml(inboxName === 'Inbox' ? i18n.t(user.language, 'notes-btn-inbox') : inboxName),
            text: escapeHtml((note.text || note.transcript || '').slice(0, 200)),
          });
          await deps.telegram.editMessageText(note.chatId, note.cardMessageId, text, { html: true });
        },
      });
      return {
        service: filing,
        routes: [{ path: '/notes', app: createNotesRoutes({ filing, topics, prefs }), access: 'user' }],
        bot: createNotesFeature({ filing, topics, forum, ai: deps.ai, telegram: deps.telegram }),
        menu: [{ id: 'notes', labelKey: 'notes-menu', open: (ctx) => showNotesOverview(ctx, { topics }) }],
        settings: NOTES_SETTINGS,
        settingsExtras: [
          {
            field: 'template',
            schema: settingText(2000).nullable().openapi({
              description: 'How a filed note reads: {title} {tags} {text} {source} {topic}; null = the style',
            }),
            get: async (userId) => (await prefs.get(userId)).template,
            set: (userId, value) => prefs.setOwn(userId, { template: (value as string | null) || null }),
          },
        ],
        // The page's component: web/src/capabilities/notes/.
        miniApp: { pages: [{ id: 'notes', order: 10 }] },
        help: [
          { command: 'find', descriptionKey: 'notes-cmd-find' },
          { command: 'notes', descriptionKey: 'notes-cmd-notes' },
          { command: 'topics', descriptionKey: 'notes-cmd-topics' },
          { command: 'connect', descriptionKey: 'notes-help-connect' },
        ],
        inboxTargets: [noteTarget(filing)],
        offlineTopicRanker: ranker,
        async startWorkers() {
          await deps.jobs.work<NoteJob>(CLASSIFY_QUEUE, async (job) => {
            const filed = await filing.classifyHeld(job.data.noteId);
            const user = filed ? await deps.users.getById(filed.note.userId) : null;
            if (!filed || !user?.telegramId) return undefined;
            const t: Translate = (key, vars) => i18n.t(user.language, key, vars);
            const viewer = { timezone: user.timezone, language: user.language, now: deps.now() };
            const card = filed.topic ? filedCard(t, filed.note, filed.topic) : pendingCard(t, filed, viewer);
            await deps.notify({
              chatId: user.telegramId,
              text: card.text,
              parseMode: 'HTML',
              replyMarkup: card.keyboard,
              dedupeKey: `note-card:${filed.note.id}`,
            });
            return undefined;
          });
          await deps.jobs.work<NoteJob>(EXPIRE_QUEUE, async (job) => {
            await jobs.expire(job.data);
            return undefined;
          });
          await deps.jobs.work<NoteJob>(POST_QUEUE, async (job) => {
            await jobs.post(job.data);
            return undefined;
          });
          await deps.jobs.work<NoteJob>(
            LINK_QUEUE,
            async (job) => {
              await jobs.link(job.data);
              return undefined;
            },
            { concurrency: 4 },
          );
        },
      };
    },
  };
}

export const notesModule = createNotesModule();
