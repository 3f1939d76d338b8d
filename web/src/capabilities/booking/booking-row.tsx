import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { actionsFor, type Booking, type BookingAction, namesOf, type Salon } from './booking-api.ts';
import { salonTime, timeLabel } from './booking-time.ts';
import { bookingWords, statusWord } from './booking-words.ts';
import { CancelAsk } from './cancel-ask.tsx';
import { MoveBooking, zoneOf } from './move-booking.tsx';

/**
 * One booking of a day: time (the salon's clock), service, client (and specialist), status, and
 * the allowed actions; before the start also Move (a new time of the same specialist).
 */
export function BookingRow(props: {
  booking: Booking;
  salon: Salon;
  showSpecialist?: boolean;
  act?: (b: Booking, action: BookingAction) => Promise<void>;
  /** After the booking was moved (the list reloads). */
  moved?: (b: Booking) => Promise<void>;
}) {
  const { booking: b, salon, act, moved } = props;
  const { t, language, user } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const [open, setOpen] = useState<'cancel' | 'move' | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = zoneOf(b, salon, user.timezone);
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
      setOpen(null);
    }
  };
  const actions = act ? actionsFor(b, new Date()) : [];
  const movable = moved !== undefined && actions.includes('cancel');
  const { service, specialist } = namesOf(b, salon, w('archivedName'));
  const who = [b.client_name, props.showSpecialist ? specialist : null].filter(Boolean).join(' → ');
  return (
    <li className="row column" data-booking-id={b.id} data-status={b.status}>
      <span className="row-title">
        {timeLabel(b.start, language, zone)}–{salonTime(b.end, language, zone, user.timezone)} · {service}
      </span>
      <span className="row-sub">
        {who} · {statusWord(b.status, w)}
        {b.client_no_shows ? ` · ${w('noShows', { n: b.client_no_shows })}` : ''}
      </span>
      {open === 'cancel' && (
        <CancelAsk w={w} busy={busy} yes={() => run('cancel')} keep={() => setOpen(null)} />
      )}
      {open === 'move' && moved && (
        <MoveBooking
          booking={b}
          salon={salon}
          keep={() => setOpen(null)}
          moved={async (next) => {
            setOpen(null);
            await moved(next);
          }}
        />
      )}
      {open === null && actions.length > 0 && (
        <div className="row-actions">
          {movable && (
            <button
              type="button"
              className="button small secondary"
              data-action="move"
              onClick={() => setOpen('move')}
            >
              {w('move')}
            </button>
          )}
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button small ${action === 'cancel' || action === 'decline' ? 'danger' : 'secondary'}`}
              data-action={action}
              disabled={busy}
              onClick={() => (action === 'cancel' ? setOpen('cancel') : run(action))}
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
