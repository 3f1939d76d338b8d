import { type FormEvent, useState } from 'react';
import type { Topic } from './notes-api.ts';
import type { NoteWords } from './notes-words.ts';

/** A topic's name as people read it (the Inbox in their language). */
export const topicName = (topic: Topic, w: NoteWords) =>
  `${topic.emoji ? `${topic.emoji} ` : ''}${topic.is_inbox ? w('inbox') : topic.name}`;

/** One chip per topic with its note count, plus "All". */
export function TopicFilter(props: {
  topics: readonly Topic[];
  selected: string | null;
  select: (topicId: string | null) => void;
  w: NoteWords;
}) {
  const { topics, selected, select, w } = props;
  const chip = (id: string | null, label: string) => (
    <button
      key={id ?? 'all'}
      type="button"
      data-topic-id={id ?? ''}
      aria-pressed={selected === id}
      className={selected === id ? 'active' : ''}
      onClick={() => select(id)}
    >
      {label}
    </button>
  );
  return (
    <fieldset className="segmented chips" aria-label={w('topics')}>
      {chip(null, w('all'))}
      {topics.map((t) => chip(t.id, `${topicName(t, w)} · ${t.note_count}`))}
    </fieldset>
  );
}

/** The search line; the words go to the server's note search on submit. */
export function NoteSearch(props: { query: string; search: (q: string) => void; w: NoteWords }) {
  const { search, w } = props;
  const [text, setText] = useState(props.query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search(text.trim());
  };
  return (
    <form className="quick-add note-search" onSubmit={submit}>
      <input
        type="search"
        value={text}
        placeholder={w('searchPlaceholder')}
        aria-label={w('searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button">
        {w('search')}
      </button>
      {props.query ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setText('');
            search('');
          }}
        >
          {w('clear')}
        </button>
      ) : null}
    </form>
  );
}
