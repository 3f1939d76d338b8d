import { useCallback } from 'react';
import { useSession } from '../context.ts';
import { failure, formatWhen } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { TaskRow } from './task-row.tsx';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Tasks due today or overdue, and the reminders of the coming week. */
export function TodayPage() {
  const { api, t, language, user } = useSession();
  const load = useCallback(async () => {
    const now = new Date();
    const [today, overdue, upcoming] = await Promise.all([
      api.tasks('view=today&limit=100'),
      api.tasks('view=overdue&limit=100'),
      api.occurrences(now, new Date(now.getTime() + WEEK_MS)),
    ]);
    // "Overdue" is everything past due, today's earlier deadlines included: show those once, under today.
    const todayIds = new Set(today.map((task) => task.id));
    return {
      today,
      overdue: overdue.filter((task) => !todayIds.has(task.id)),
      upcoming: upcoming.filter((o) => o.status === 'scheduled').slice(0, 5),
    };
  }, [api]);
  const { data, error, reload } = useLoad(load);
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  return (
    <>
      {data.overdue.length > 0 && (
        <section>
          <h2>{t('overdue')}</h2>
          <ul className="list" data-list="overdue">
            {data.overdue.map((task) => (
              <TaskRow key={task.id} task={task} onChanged={reload} />
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t('dueToday')}</h2>
        {data.today.length === 0 ? (
          <p className="hint">{t('nothingDue')}</p>
        ) : (
          <ul className="list" data-list="today">
            {data.today.map((task) => (
              <TaskRow key={task.id} task={task} onChanged={reload} />
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('nextReminders')}</h2>
        {data.upcoming.length === 0 ? (
          <p className="hint">{t('noReminders')}</p>
        ) : (
          <ul className="list">
            {data.upcoming.map((o) => (
              <li className="row" key={`${o.reminder_id}-${o.at}`}>
                <div className="row-main">
                  <span className="row-title">{o.text}</span>
                  <span className="row-sub">{formatWhen(o.at, language, user.timezone)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
