import { useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure, formatWhen, type Translate } from '../../i18n.ts';
import { type Booking, bookingApi, openBookings, type Salon } from './booking-api.ts';
import { type BookingWords, bookingWords, statusWord } from './booking-words.ts';
import { CancelAsk } from './cancel-ask.tsx';

/** What to say when a booking action is refused: too late, changed meanwhile, or the API's reason. */
export function actionFailure(error: unknown, w: BookingWords, t: Translate): string {
  if (error instanceof ApiError && error.code === 'booking_cutoff_passed') return w('tooLate');
  if (error instanceof ApiError && error.status === 409) return w('changed');
  return failure(error, t);
}

/** The client's upcoming bookings, each with Cancel (asked twice: a tap is easy to make by mistake). */
export function MyBookings(props: {
  salon: Salon;
  bookings: { data: Booking[] | null; error: unknown; reload: () => Promise<void> };
}) {
  const { salon, bookings } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const [asking, setAsking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMemo(() => openBookings(bookings.data ?? [], new Date()), [bookings.data]);

  const cancel = async (b: Booking) => {
    setProblem(null);
    try {
      await booking.act(b.id, 'cancel');
      notify(w('cancelled'));
    } catch (e) {
      setProblem(actionFailure(e, w, t));
    }
    setAsking(null);
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
      ) : open.length === 0 ? (
        <p className="hint">{w('noneMine')}</p>
      ) : (
        <ul className="list" data-list="my-bookings">
          {open.map((b) => (
            <li key={b.id} className="row column" data-booking-id={b.id} data-status={b.status}>
              <span className="row-title">
                {formatWhen(b.start, language, user.timezone)} ·{' '}
                {salon.services.find((s) => s.id === b.service_id)?.name}
              </span>
              <div className="row-line">
                <span className="row-sub row-main">
                  {salon.specialists.find((s) => s.id === b.specialist_id)?.name} · {statusWord(b.status, w)}
                </span>
                {asking !== b.id && (
                  <button
                    type="button"
                    className="button small secondary"
                    data-action="cancel"
                    onClick={() => setAsking(b.id)}
                  >
                    {w('cancel')}
                  </button>
                )}
              </div>
              {asking === b.id && <CancelAsk w={w} yes={() => cancel(b)} keep={() => setAsking(null)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
