import type { Language } from '../../api.ts';
import { formatWhen } from '../../i18n.ts';
import type { Note, Topic } from './notes-api.ts';
import { topicName } from './notes-filters.tsx';
import type { NoteWords } from './notes-words.ts';

/** A note with its topic and date, and a menu to move it (or file it, while it is pending). */
export function NoteRow(props: {
  note: Note;
  topics: readonly Topic[];
  move: (note: Note, topic: Topic) => void;
  remove: (note: Note) => void;
  w: NoteWords;
  language: Language;
  timezone: string;
}) {
  const { note, topics, move, w } = props;
  const topic = topics.find((t) => t.id === note.topic_id);
  const where = note.status === 'pending' || !topic ? w('pending') : topicName(topic, w);
  const label = note.status === 'pending' ? w('fileInto') : w('moveTo');
  return (
    <li className="row column" data-note-id={note.id} data-topic-id={note.topic_id ?? ''}>
      <span className="row-title">{note.link?.title ?? (note.text || note.transcript)}</span>
      <div className="row-line">
        <span className="row-sub row-main">
          {where} · {formatWhen(note.created_at, props.language, props.timezone)}
        </span>
        <select
          className="move"
          aria-label={label}
          value=""
          onChange={(e) => {
            const target = topics.find((t) => t.id === e.target.value);
            if (target) move(note, target);
          }}
        >
          <option value="" disabled>
            {label}
          </option>
          {topics
            .filter((t) => t.id !== note.topic_id && !t.closed)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {topicName(t, w)}
              </option>
            ))}
        </select>
        <button type="button" className="button small danger" onClick={() => props.remove(note)}>
          {w('delete')}
        </button>
      </div>
    </li>
  );
}
