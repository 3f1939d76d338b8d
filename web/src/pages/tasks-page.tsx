import { type FormEvent, useCallback, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';
import { TaskRow } from './task-row.tsx';

/** Open tasks, and one line of free text that becomes a task or a reminder (the bot's parser). */
export function TasksPage() {
  const { api, t, notify } = useSession();
  const load = useCallback(() => api.tasks('status=todo,in_progress&limit=100'), [api]);
  const { data, error, reload } = useLoad(load);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      const parsed = await api.parse(text.trim());
      if (parsed.intent === 'reminder' && (parsed.due_at || parsed.rrule)) {
        await api.createReminder({ text: parsed.title, due_at: parsed.due_at, rrule: parsed.rrule });
      } else {
        await api.createTask({
          title: parsed.title || text.trim(),
          due_at: parsed.due_at,
          priority: parsed.priority,
          ...(parsed.category ? { category: parsed.category } : {}),
          ...(parsed.course ? { course: parsed.course } : {}),
        });
      }
      haptic('success');
      notify(t('added', { title: parsed.title || text.trim() }));
      setText('');
      await reload();
    } catch (e) {
      haptic('error');
      notify(failure(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="quick-add" onSubmit={add}>
        <input
          name="quick-add"
          value={text}
          maxLength={1000}
          placeholder={t('quickAddPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          disabled={busy}
          aria-label={t('add')}
        />
        <button type="submit" className="button" disabled={busy || !text.trim()}>
          {busy ? t('adding') : t('add')}
        </button>
      </form>
      <section>
        <h2>{t('openTasks')}</h2>
        {error !== null ? <p className="error">{failure(error, t)}</p> : null}
        {!data ? (
          <p className="hint">{t('loading')}</p>
        ) : data.length === 0 ? (
          <p className="hint">{t('noTasks')}</p>
        ) : (
          <ul className="list" data-list="tasks">
            {data.map((task) => (
              <TaskRow key={task.id} task={task} onChanged={reload} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
