import { useCallback, useEffect } from 'react';
import type { Broadcast } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, formatWhen, type Key } from '../i18n.ts';
import { useLoad } from '../use-load.ts';
import { BroadcastComposer } from './broadcast-composer.tsx';

/** Compose and send a broadcast; the latest ones with their delivery figures (pause, resume, cancel). */
export function BroadcastsPage() {
  const { api, t, language, user, notify } = useSession();
  const load = useCallback(() => api.admin.broadcasts(), [api]);
  const { data, error, reload } = useLoad(load);
  // While one is being sent its figures move: look again every 2 s until none is running.
  const sending = data?.some((b) => b.status === 'running') ?? false;
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => void reload(), 2000);
    return () => clearInterval(timer);
  }, [sending, reload]);

  const act = async (b: Broadcast, action: 'pause' | 'resume' | 'cancel') => {
    try {
      await api.admin.broadcastAction(b.id, action);
    } catch (e) {
      notify(failure(e, t));
    }
    await reload();
  };

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!data) return <p className="hint">{t('loading')}</p>;
  const composer = <BroadcastComposer onChange={reload} />;
  if (data.length === 0)
    return (
      <>
        {composer}
        <p className="hint">{t('noBroadcasts')}</p>
      </>
    );
  return (
    <>
      {composer}
      <ul className="list" data-list="broadcasts">
        {data.map((b) => (
          <li className="row" key={b.id}>
            <div className="row-main">
              <span className="row-title">{b.text.slice(0, 120)}</span>
              <span className="row-sub">
                {formatWhen(b.created_at, language, user.timezone)} · {t(`status_${b.status}` as Key)} ·{' '}
                {t('broadcastProgress', {
                  sent: b.sent,
                  total: b.total,
                  failed: b.failed,
                  blocked: b.blocked,
                })}
              </span>
            </div>
            <div className="row-actions">
              {b.status === 'running' || b.status === 'paused' ? (
                <button
                  type="button"
                  className="button small secondary"
                  onClick={() => act(b, b.status === 'running' ? 'pause' : 'resume')}
                >
                  {b.status === 'running' ? t('pause') : t('resume')}
                </button>
              ) : null}
              {b.status === 'running' || b.status === 'paused' || b.status === 'draft' ? (
                <button type="button" className="button small danger" onClick={() => act(b, 'cancel')}>
                  {t('cancel')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
