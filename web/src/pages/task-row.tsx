import type { Task } from '../api.ts';
import { useSession } from '../context.ts';
import { formatWhen } from '../i18n.ts';
import { useAction } from '../use-action.ts';

/** One open task with its deadline and a Done button. */
export function TaskRow({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { api, t, language, user } = useSession();
  const { busy, run } = useAction();
  const complete = () =>
    run(
      async () => {
        await api.patchTask(task.id, { status: 'done', version: task.version });
        onChanged();
        return t('completed', { title: task.title });
      },
      { keepBusy: true },
    );
  const important = task.priority === 'high' || task.priority === 'urgent';
  return (
    <li className="row" data-task-id={task.id}>
      <div className="row-main">
        <span className="row-title">{task.title}</span>
        <span className="row-sub">
          {task.due_at ? formatWhen(task.due_at, language, user.timezone) : t('noDue')}
          {important ? (
            <span className="badge">{t(`priority_${task.priority as 'high' | 'urgent'}`)}</span>
          ) : null}
        </span>
      </div>
      <button type="button" className="button small" disabled={busy} onClick={complete}>
        {t('complete')}
      </button>
    </li>
  );
}
