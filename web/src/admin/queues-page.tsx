import { useCallback, useState } from 'react';
import type { DeadJob, QueueSummary } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';

/** Every job queue with its counts (the seeds' Flower); a queue's dead jobs with Retry and Delete. */
export function QueuesPage() {
  const { api, t } = useSession();
  const load = useCallback(() => api.admin.queues(), [api]);
  const { data, error, reload } = useLoad(load);
  const [open, setOpen] = useState<string | null>(null);

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  return (
    <ul className="list" data-list="queues">
      {data.map((q) => (
        <QueueRow
          key={q.name}
          queue={q}
          open={open === q.name}
          toggle={() => setOpen(open === q.name ? null : q.name)}
          changed={reload}
        />
      ))}
    </ul>
  );
}

function QueueRow(props: {
  queue: QueueSummary;
  open: boolean;
  toggle: () => void;
  changed: () => Promise<void>;
}) {
  const { t } = useSession();
  const q = props.queue;
  return (
    <li className="row column" data-queue={q.name}>
      <div className="row-line">
        <div className="row-main">
          <span className="row-title">{q.name}</span>
          <span className="row-sub">
            {t('queueCounts', { waiting: q.waiting, active: q.active, failed: q.failed })}
            {q.dead > 0 ? <span className="badge">{t('deadCount', { n: q.dead })}</span> : null}
          </span>
        </div>
        {q.dead > 0 ? (
          <button
            type="button"
            className="button small secondary"
            aria-expanded={props.open}
            onClick={props.toggle}
          >
            {t('showDead')}
          </button>
        ) : null}
      </div>
      {props.open ? <DeadJobs queue={q.name} changed={props.changed} /> : null}
    </li>
  );
}

function DeadJobs({ queue, changed }: { queue: string; changed: () => Promise<void> }) {
  const { api, t, language, user, notify } = useSession();
  const load = useCallback(() => api.admin.deadJobs(queue), [api, queue]);
  const { data, error, reload } = useLoad(load);

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      haptic('success');
      notify(done);
    } catch (e) {
      haptic('error');
      notify(failure(e, t));
    }
    await Promise.all([reload(), changed()]);
  };
  const retry = (job: DeadJob) => act(() => api.admin.retryDead(queue, job.id), t('retried', { queue }));
  const remove = (job: DeadJob) => {
    if (window.confirm(t('confirmDeleteJob', { queue })))
      void act(() => api.admin.deleteDead(queue, job.id), t('jobDeleted'));
  };

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  if (data.length === 0) return <p className="hint">{t('noDeadJobs')}</p>;
  return (
    <ul className="list nested" data-list="dead-jobs" aria-label={t('deadIn', { queue })}>
      {data.map((job) => (
        <li className="row" key={job.id} data-job-id={job.id}>
          <div className="row-main">
            <code className="row-title payload">{JSON.stringify(job.payload).slice(0, 160)}</code>
            <span className="row-sub">
              {job.error ?? ''} ·{' '}
              {t('deadSince', { when: formatWhen(job.dead_since, language, user.timezone) })}
            </span>
          </div>
          <div className="row-actions">
            <button type="button" className="button small" onClick={() => retry(job)}>
              {t('retry')}
            </button>
            <button type="button" className="button small danger" onClick={() => remove(job)}>
              {t('delete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
