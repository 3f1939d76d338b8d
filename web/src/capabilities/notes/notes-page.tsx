import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { NoteRow } from './note-row.tsx';
import { type Note, notesApi, type Topic } from './notes-api.ts';
import { NoteSearch, TopicFilter, topicName } from './notes-filters.tsx';
import { noteWords } from './notes-words.ts';

/** Topics with their counts, notes newest first (by topic, by search); move or file a note. */
export default function NotesPage() {
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => noteWords(language), [language]);
  const notes = useMemo(() => notesApi(api), [api]);
  const [topicId, setTopicId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const topics = useLoad(useCallback(() => notes.topics(), [notes]));
  const list = useLoad(useCallback(() => notes.list({ topicId, q: query }), [notes, topicId, query]));

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
      <NoteSearch query={query} search={setQuery} w={w} />
      {list.data.length === 0 ? (
        <p className="hint">{query ? w('noMatch', { q: query }) : w('empty')}</p>
      ) : (
        <ul className="list" data-list="notes">
          {list.data.map((note) => (
            <NoteRow
              key={note.id}
              note={note}
              topics={topics.data ?? []}
              move={move}
              w={w}
              language={language}
              timezone={user.timezone}
            />
          ))}
        </ul>
      )}
    </>
  );
}
