import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { actionsFor, type Booking, type BookingAction, type Salon } from './booking-api.ts';
import { timeLabel } from './booking-time.ts';
import { bookingWords, statusWord } from './booking-words.ts';
import { CancelAsk } from './cancel-ask.tsx';

/** One booking of a day: time, service, client (and specialist), status, and the allowed actions. */
export function BookingRow(props: {
  booking: Booking;
  salon: Salon;
  showSpecialist?: boolean;
  act?: (b: Booking, action: BookingAction) => Promise<void>;
}) {
  const { booking: b, salon, act } = props;
  const { t, language, user } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const zone = user.timezone;
  const label: Record<BookingAction, string> = {
    confirm: w('accept'),
    decline: w('decline'),
    cancel: w('cancel'),
    complete: w('came'),
    'no-show': w('noShow'),
  };
  const run = async (action: BookingAction) => {
    setBusy(true);
    try {
      await act?.(b, action);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const specialist = salon.specialists.find((s) => s.id === b.specialist_id)?.name;
  const who = [b.client_name, props.showSpecialist ? specialist : null].filter(Boolean).join(' → ');
  return (
    <li className="row column" data-booking-id={b.id} data-status={b.status}>
      <span className="row-title">
        {timeLabel(b.start, language, zone)}–{timeLabel(b.end, language, zone)} ·{' '}
        {salon.services.find((s) => s.id === b.service_id)?.name}
      </span>
      <div className="row-line">
        <span className="row-sub row-main">
          {who} · {statusWord(b.status, w)}
          {b.client_no_shows ? ` · ${w('noShows', { n: b.client_no_shows })}` : ''}
        </span>
      </div>
      {act && asking && (
        <CancelAsk w={w} busy={busy} yes={() => run('cancel')} keep={() => setAsking(false)} />
      )}
      {act && !asking && actionsFor(b, new Date()).length > 0 && (
        <div className="row-actions">
          {actionsFor(b, new Date()).map((action) => (
            <button
              key={action}
              type="button"
              className={`button small ${action === 'cancel' || action === 'decline' ? 'danger' : 'secondary'}`}
              data-action={action}
              disabled={busy}
              onClick={() => (action === 'cancel' ? setAsking(true) : run(action))}
            >
              {label[action]}
            </button>
          ))}
        </div>
      )}
      {busy && <span className="row-sub">{t('loading')}</span>}
    </li>
  );
}
