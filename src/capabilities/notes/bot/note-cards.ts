import { InlineKeyboard } from 'grammy';
import { callbackCodec, packId } from '../../../bot/callback-data.ts';
import type { Translate } from '../../../bot/i18n.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen } from '../../../platform/time/index.ts';
import type { Filing } from '../filing-service.ts';
import type { Note } from '../note-repository.ts';
import type { NoteTopic } from '../topic-service.ts';

export const NOTE_CALLBACKS = callbackCodec('nt');
/** A topic as people read it: the Inbox in their language (its stored name is the English one). */
export const topicLabel = (t: Translate, topic: Pick<NoteTopic, 'isInbox' | 'emoji' | 'name'>) =>
  topic.isInbox ? t('notes-btn-inbox') : `${topic.emoji ? `${topic.emoji} ` : ''}${topic.name}`;
const label = topicLabel;

/**
 * What a note says in one line (plain text): its words, else its transcript, else what it is —
 * a voice message without speech recognition is "🎙 voice, 3 s", never an empty line.
 */
export function noteGist(t: Translate, note: Pick<Note, 'text' | 'transcript' | 'kind'>, seconds?: number) {
  const words = note.text || note.transcript;
  if (words) return words;
  if (note.kind === 'voice' || note.kind === 'audio')
    return t(note.kind === 'voice' ? 'notes-gist-voice' : 'notes-gist-audio', { seconds: seconds ?? 0 });
  return t(note.kind === 'photo' ? 'notes-gist-photo' : 'notes-gist-file');
}
const preview = (t: Translate, note: Note, seconds?: number) =>
  escapeHtml(noteGist(t, note, seconds).slice(0, 200));

/** An album's card counts its files ("📎 3 files"); a single item shows nothing. */
const files = (t: Translate, note: Note) =>
  note.fileIds.length > 1 ? `\n${t('notes-album-files', { count: note.fileIds.length })}` : '';

export function filedCard(t: Translate, note: Note, topic: NoteTopic) {
  const id = packId(note.id);
  return {
    text:
      t('notes-filed', { topic: escapeHtml(label(t, topic)) }) +
      files(t, note) +
      (note.transcript ? `\n🎙 ${escapeHtml(note.transcript)}` : ''),
    keyboard: new InlineKeyboard()
      .text(t('notes-btn-move'), NOTE_CALLBACKS.pack('m', id))
      .text(t('notes-btn-undo'), NOTE_CALLBACKS.pack('u', id)),
  };
}

export function pendingCard(
  t: Translate,
  filing: Filing,
  viewer: { timezone: string; language: 'ru' | 'en'; now: Date },
  /** A voice message's length, known while its message is at hand. */
  seconds?: number,
) {
  const { note } = filing;
  const id = packId(note.id);
  const keyboard = new InlineKeyboard();
  for (const { topic } of filing.alternatives.slice(0, 3))
    keyboard.text(label(t, topic), NOTE_CALLBACKS.pack('c', id, packId(topic.id))).row();
  keyboard
    .text(t('notes-btn-new-topic'), NOTE_CALLBACKS.pack('n', id))
    .text(t('notes-btn-inbox'), NOTE_CALLBACKS.pack('i', id))
    .row()
    .text(t('notes-btn-cancel'), NOTE_CALLBACKS.pack('x', id));
  const when = note.expiresAt ? formatWhen(note.expiresAt, viewer) : '';
  return {
    text: `${t('notes-pending', { text: preview(t, note, seconds) })}${files(t, note)}\n${t('notes-pending-expires', { when })}`,
    keyboard,
  };
}

export function topicChooser(t: Translate, note: Note, topics: NoteTopic[]) {
  const keyboard = new InlineKeyboard();
  for (const topic of topics.filter((x) => x.id !== note.topicId && !x.closed).slice(0, 12))
    keyboard.text(label(t, topic), NOTE_CALLBACKS.pack('c', packId(note.id), packId(topic.id))).row();
  keyboard
    .text(t('notes-btn-new-topic'), NOTE_CALLBACKS.pack('n', packId(note.id)))
    .row()
    // Changing one's mind leaves the note where it is and brings its card back.
    .text(t('notes-btn-cancel'), NOTE_CALLBACKS.pack('k', packId(note.id)));
  return { text: t('notes-move-prompt', { text: preview(t, note) }), keyboard };
}
