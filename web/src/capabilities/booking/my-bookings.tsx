import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { type Booking, bookingApi, namesOf, openBookings, type Salon } from './booking-api.ts';
import { actionFailure } from './booking-failure.ts';
import { salonWhen } from './booking-time.ts';
import { bookingWords, statusWord } from './booking-words.ts';
import { CancelAsk } from './cancel-ask.tsx';
import { MoveBooking, zoneOf } from './move-booking.tsx';

/**
 * The client's upcoming bookings, in the salon's time, each with Move (pick a new time, then
 * confirm) and Cancel (asked twice: a tap is easy to make by mistake).
 */
export function MyBookings(props: {
  salon: Salon;
  bookings: { data: Booking[] | null; error: unknown; reload: () => Promise<void> };
}) {
  const { salon, bookings } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const [open, setOpen] = useState<{ id: string; what: 'cancel' | 'move' } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ahead = useMemo(() => openBookings(bookings.data ?? [], new Date()), [bookings.data]);

  const cancel = async (b: Booking) => {
    setProblem(null);
    try {
      await booking.act(b.id, 'cancel');
      notify(w('cancelled'));
    } catch (e) {
      setProblem(actionFailure(e, w, t));
    }
    setOpen(null);
    await bookings.reload();
  };

  return (
    <section className="my-bookings">
      <h2>{w('mine')}</h2>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {bookings.error !== null ? (
        <p className="error">{failure(bookings.error, t)}</p>
      ) : !bookings.data ? (
        <p className="hint">{t('loading')}</p>
      ) : ahead.length === 0 ? (
        <p className="hint">{w('noneMine')}</p>
      ) : (
        <ul className="list" data-list="my-bookings">
          {ahead.map((b) => (
            <li key={b.id} className="row column" data-booking-id={b.id} data-status={b.status}>
              <span className="row-title">
                {salonWhen(b.start, language, zoneOf(b, salon, user.timezone), user.timezone)} ·{' '}
                {namesOf(b, salon, w('archivedName')).service}
              </span>
              <span className="row-sub">
                {namesOf(b, salon, w('archivedName')).specialist} · {statusWord(b.status, w)}
              </span>
              {open?.id !== b.id && (
                <div className="row-actions">
                  <button
                    type="button"
                    className="button small secondary"
                    data-action="move"
                    onClick={() => setOpen({ id: b.id, what: 'move' })}
                  >
                    {w('move')}
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    data-action="cancel"
                    onClick={() => setOpen({ id: b.id, what: 'cancel' })}
                  >
                    {w('cancel')}
                  </button>
                </div>
              )}
              {open?.id === b.id && open.what === 'cancel' && (
                <CancelAsk w={w} yes={() => cancel(b)} keep={() => setOpen(null)} />
              )}
              {open?.id === b.id && open.what === 'move' && (
                <MoveBooking
                  booking={b}
                  salon={salon}
                  keep={() => setOpen(null)}
                  moved={async () => {
                    setOpen(null);
                    await bookings.reload();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
