import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { NoteRow } from './note-row.tsx';
import { type Note, notesApi, type Topic } from './notes-api.ts';
import { NoteSearch, TopicFilter, topicName } from './notes-filters.tsx';
import { noteWords } from './notes-words.ts';
import { TopicManager } from './topic-manager.tsx';

/** How long a deleted note can still be brought back. */
const UNDO_MS = 6000;

/** Topics with their counts, notes newest first (by topic, by search); move, file or delete a note (with undo); manage topics. */
export default function NotesPage() {
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => noteWords(language), [language]);
  const notes = useMemo(() => notesApi(api), [api]);
  const [topicId, setTopicId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const topics = useLoad(useCallback(() => notes.topics(), [notes]));
  const list = useLoad(useCallback(() => notes.list({ topicId, q: query }), [notes, topicId, query]));

  // A deleted note disappears at once and is deleted on the server only when the undo time is up
  // (or the page is left): Undo then needs no server round trip and nothing to restore.
  const [deleting, setDeleting] = useState<Note | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Note | null>(null);
  const commit = useCallback(async () => {
    const note = pending.current;
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    timer.current = null;
    setDeleting(null);
    if (!note) return;
    try {
      await notes.remove(note.id);
    } catch (e) {
      notify(failure(e, t));
    }
  }, [notes, notify, t]);
  useEffect(() => () => void commit(), [commit]);
  const remove = (note: Note) => {
    void commit().then(async () => {
      pending.current = note;
      setDeleting(note);
      timer.current = setTimeout(() => {
        void commit().then(() => Promise.all([topics.reload(), list.reload()]));
      }, UNDO_MS);
    });
  };
  const undo = () => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    timer.current = null;
    setDeleting(null);
    notify(w('restored'));
  };

  const move = async (note: Note, topic: Topic) => {
    try {
      await notes.move(note.id, topic.id);
      notify(w('moved', { topic: topicName(topic, w) }));
      await Promise.all([topics.reload(), list.reload()]);
    } catch (e) {
      notify(failure(e, t));
    }
  };

  const error = topics.error ?? list.error;
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!topics.data || !list.data) return <p className="hint">{t('loading')}</p>;
  return (
    <>
      <TopicFilter topics={topics.data} selected={topicId} select={setTopicId} w={w} />
      <TopicManager
        topics={topics.data}
        notes={notes}
        w={w}
        changed={async () => {
          await topics.reload();
        }}
      />
      <NoteSearch query={query} search={setQuery} w={w} />
      {list.data.length === 0 ? (
        <p className="hint">{query ? w('noMatch', { q: query }) : w('empty')}</p>
      ) : (
        <ul className="list" data-list="notes">
          {list.data
            .filter((note) => note.id !== deleting?.id)
            .map((note) => (
              <NoteRow
                key={note.id}
                note={note}
                topics={topics.data ?? []}
                move={move}
                remove={remove}
                w={w}
                language={language}
                timezone={user.timezone}
              />
            ))}
        </ul>
      )}
      {deleting ? (
        <div
          className="confirm"
          role="status"
          data-undo={deleting.id}
          // Above the tab bar, over the list's end, until the undo time is up.
          style={{
            position: 'sticky',
            bottom: 72,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <span>{w('deleted')}</span>
          <button type="button" className="button small" onClick={undo}>
            {w('undo')}
          </button>
        </div>
      ) : null}
    </>
  );
}
