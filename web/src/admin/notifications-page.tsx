import { useCallback, useEffect, useState } from 'react';
import type { NoticeCell } from '../api.ts';
import { useSession } from '../context.ts';
import { failure, type Key } from '../i18n.ts';
import { haptic } from '../telegram.ts';
import { useLoad } from '../use-load.ts';

const ROLES = ['client', 'specialist', 'admin'] as const;
const CHANNELS = ['telegram', 'web_push'] as const;
const cellKey = (c: Pick<NoticeCell, 'event' | 'recipient_role' | 'channel'>) =>
  `${c.event}/${c.recipient_role}/${c.channel}`;

/** One event's switches: a row per recipient role it can reach, a column per channel. */
function EventTable(props: {
  event: NoticeCell['event'];
  cells: Map<string, NoticeCell>;
  busy: string | null;
  toggle: (cell: NoticeCell) => void;
}) {
  const { t } = useSession();
  const label = t(`notice_${props.event}` as Key);
  const roles = ROLES.filter((role) =>
    CHANNELS.some((channel) =>
      props.cells.has(cellKey({ event: props.event, recipient_role: role, channel })),
    ),
  );
  return (
    <section data-event={props.event}>
      <h2>{label}</h2>
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">{t('noticeRecipient')}</th>
            {CHANNELS.map((channel) => (
              <th key={channel} scope="col">
                {t(`channel_${channel}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role} data-role={role}>
              <th scope="row">{t(`role_${role}`)}</th>
              {CHANNELS.map((channel) => {
                const cell = props.cells.get(cellKey({ event: props.event, recipient_role: role, channel }));
                return (
                  <td key={channel}>
                    {cell ? (
                      <input
                        type="checkbox"
                        role="switch"
                        data-channel={channel}
                        checked={cell.enabled}
                        aria-checked={cell.enabled}
                        disabled={props.busy === cellKey(cell)}
                        aria-label={`${label}: ${t(`role_${role}`)}, ${t(`channel_${channel}`)}`}
                        onChange={() => props.toggle(cell)}
                      />
                    ) : (
                      <span className="hint">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The booking notification matrix: which event reaches which role on which channel, as switches. */
export function NotificationsPage() {
  const { api, t, notify } = useSession();
  const load = useCallback(() => api.admin.notices(), [api]);
  const { data, error } = useLoad(load);
  const [cells, setCells] = useState<NoticeCell[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setCells(data), [data]);

  const toggle = async (cell: NoticeCell) => {
    setBusy(cellKey(cell));
    const { event, recipient_role, channel } = cell;
    try {
      setCells(await api.admin.setNotice({ event, recipient_role, channel, enabled: !cell.enabled }));
      haptic('success');
      notify(t(cell.enabled ? 'noticeOff' : 'noticeOn', { event: t(`notice_${event}` as Key) }));
    } catch (e) {
      haptic('error');
      notify(failure(e, t));
    } finally {
      setBusy(null);
    }
  };

  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!cells) return <p className="hint">{t('loading')}</p>;
  if (cells.length === 0) return <p className="hint">{t('noNotices')}</p>;
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const events = [...new Set(cells.map((c) => c.event))];
  return (
    <div data-list="notices">
      <p className="hint">{t('noticesHint')}</p>
      {events.map((event) => (
        <EventTable key={event} event={event} cells={byKey} busy={busy} toggle={toggle} />
      ))}
    </div>
  );
}
