import { useCallback } from 'react';
import type { Task } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, type Key } from '../i18n.ts';
import { useAction } from '../use-action.ts';
import { useLoad } from '../use-load.ts';

type Column = 'todo' | 'in_progress' | 'done';
const COLUMNS: Column[] = ['todo', 'in_progress', 'done'];

/** Where a card can go from each column (the task model lets any open task start, finish or reopen). */
const MOVES: Record<Column, Array<{ to: Column; label: Key }>> = {
  todo: [
    { to: 'in_progress', label: 'moveStart' },
    { to: 'done', label: 'complete' },
  ],
  in_progress: [
    { to: 'todo', label: 'moveBack' },
    { to: 'done', label: 'complete' },
  ],
  done: [{ to: 'todo', label: 'moveReopen' }],
};

function BoardCard({ task, column, onMoved }: { task: Task; column: Column; onMoved: () => void }) {
  const { api, t, language, user } = useSession();
  const { busy, run } = useAction();
  const move = (to: Column) =>
    run(
      async () => {
        await api.patchTask(task.id, { status: to, version: task.version });
        onMoved();
        return t('movedTo', { title: task.title, column: t(`column_${to}`) });
      },
      { keepBusy: true },
    );
  return (
    <li className="row column" data-task-id={task.id}>
      <span className="row-title">{task.title}</span>
      <span className="row-sub">
        {task.due_at ? formatWhen(task.due_at, language, user.timezone) : t('noDue')}
      </span>
      <div className="row-actions">
        {MOVES[column].map((m) => (
          <button
            key={m.to}
            type="button"
            className={`button small ${m.to === 'done' ? '' : 'secondary'}`}
            disabled={busy}
            onClick={() => move(m.to)}
          >
            {t(m.label)}
          </button>
        ))}
      </div>
    </li>
  );
}

/** Tasks in columns by their status: to do, in progress and the latest done; buttons move a card. */
export default function TaskBoard() {
  const { api, t } = useSession();
  const load = useCallback(async () => {
    const [open, done] = await Promise.all([
      api.tasks('status=todo,in_progress&limit=100'),
      api.tasks('view=done&limit=20'),
    ]);
    return {
      todo: open.filter((task) => task.status === 'todo'),
      in_progress: open.filter((task) => task.status === 'in_progress'),
      done,
    };
  }, [api]);
  const { data, error, reload } = useLoad(load);
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  return (
    <div className="board">
      {COLUMNS.map((column) => (
        <section key={column} data-column={column}>
          <h2>
            {t(`column_${column}`)} · {data[column].length}
          </h2>
          {data[column].length === 0 ? (
            <p className="hint">{t('columnEmpty')}</p>
          ) : (
            <ul className="list">
              {data[column].map((task) => (
                <BoardCard key={task.id} task={task} column={column} onMoved={reload} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
