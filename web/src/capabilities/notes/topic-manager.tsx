import { type FormEvent, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import type { NotesApi, Topic } from './notes-api.ts';
import { topicName } from './notes-filters.tsx';
import type { NoteWords } from './notes-words.ts';

/** Create a topic, rename one, close it (no new notes go there) or reopen it. */
export function TopicManager(props: {
  topics: readonly Topic[];
  notes: NotesApi;
  w: NoteWords;
  changed: () => Promise<void>;
}) {
  const { topics, notes, w, changed } = props;
  const { t, notify } = useSession();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const run = async (work: () => Promise<string>) => {
    try {
      notify(await work());
      await changed();
    } catch (e) {
      notify(failure(e, t));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const made = await notes.createTopic(name.trim());
      setName('');
      return w('created', { topic: made.name });
    });
  };
  if (!open)
    return (
      <button type="button" className="link" data-action="manage-topics" onClick={() => setOpen(true)}>
        {w('manageTopics')}
      </button>
    );
  return (
    <section className="topic-manager" data-section="topics">
      <form className="quick-add" onSubmit={create}>
        <input
          name="topic-name"
          maxLength={100}
          aria-label={w('newTopic')}
          placeholder={w('newTopic')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!name.trim()}>
          {w('create')}
        </button>
      </form>
      <ul className="list" data-list="topics">
        {topics
          .filter((topic) => !topic.is_inbox)
          .map((topic) => (
            <li key={topic.id} className="row" data-topic-id={topic.id}>
              {renaming?.id === topic.id ? (
                <form
                  className="quick-add row-main"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(async () => {
                      const saved = await notes.patchTopic(topic.id, { name: renaming.name.trim() });
                      setRenaming(null);
                      return w('renamed', { topic: saved.name });
                    });
                  }}
                >
                  <input
                    name="rename"
                    maxLength={100}
                    aria-label={w('rename')}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: topic.id, name: e.target.value })}
                  />
                  <button type="submit" className="button small" disabled={!renaming.name.trim()}>
                    {w('save')}
                  </button>
                </form>
              ) : (
                <>
                  <span className="row-main row-title">
                    {topicName(topic, w)} · {topic.note_count}
                    {topic.closed ? ` · ${w('closed')}` : ''}
                  </span>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button small secondary"
                      onClick={() => setRenaming({ id: topic.id, name: topic.name })}
                    >
                      {w('rename')}
                    </button>
                    <button
                      type="button"
                      className="button small secondary"
                      onClick={() =>
                        run(async () => {
                          await notes.patchTopic(topic.id, { closed: !topic.closed });
                          return w(topic.closed ? 'topicReopened' : 'topicClosed', { topic: topic.name });
                        })
                      }
                    >
                      {topic.closed ? w('reopen') : w('close')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
      </ul>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {w('done')}
      </button>
    </section>
  );
}
