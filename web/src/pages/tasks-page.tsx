import { lazy, Suspense, useCallback, useState } from 'react';
import { useSession } from '../context.ts';
import { failure } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { QuickAdd } from './quick-add.tsx';
import { TaskRow } from './task-row.tsx';

// The board and the courses load when first opened: the list is what most people look at.
const TaskBoard = lazy(() => import('./task-board.tsx'));
const CoursesView = lazy(() => import('./courses-view.tsx'));

const MODES = ['list', 'board', 'courses'] as const;
type Mode = (typeof MODES)[number];
const MODE_KEY = 'secretary.tasksMode';

function OpenTasks({ refresh }: { refresh: number }) {
  const { api, t } = useSession();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `refresh` (a task added) reloads the list
  const load = useCallback(() => api.tasks('status=todo,in_progress&limit=100'), [api, refresh]);
  const { data, error, reload } = useLoad(load);
  return (
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
  );
}

/** Quick add (previewed), then open tasks as a list, as a board by status, or the study courses. */
export function TasksPage() {
  const { t } = useSession();
  const [mode, setMode] = useState<Mode>(() => {
    const kept = sessionStorage.getItem(MODE_KEY);
    return (MODES as readonly string[]).includes(kept ?? '') ? (kept as Mode) : 'list';
  });
  const [refresh, setRefresh] = useState(0);
  const choose = (next: Mode) => {
    sessionStorage.setItem(MODE_KEY, next);
    setMode(next);
  };
  return (
    <>
      <QuickAdd onAdded={() => setRefresh((n) => n + 1)} />
      <fieldset className="segmented view-switch" aria-label={t('tasksView')}>
        {MODES.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={mode === name}
            className={mode === name ? 'active' : ''}
            onClick={() => choose(name)}
          >
            {t(`mode_${name}`)}
          </button>
        ))}
      </fieldset>
      {mode === 'list' ? (
        <OpenTasks refresh={refresh} />
      ) : (
        <Suspense fallback={<p className="hint">{t('loading')}</p>}>
          {mode === 'board' ? <TaskBoard key={refresh} /> : <CoursesView key={refresh} />}
        </Suspense>
      )}
    </>
  );
}
