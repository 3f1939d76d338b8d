import './booking.css';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { type Booking, type BookingAction, bookingApi } from './booking-api.ts';
import { actionFailure } from './booking-failure.ts';
import { BookingRow } from './booking-row.tsx';
import { dayKey, dayLabel, fromToday, groupByDay } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';

/** A specialist's own bookings from today on, by day, with confirm / decline / move / cancel / came / no-show. */
export default function SchedulePage() {
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const salon = useLoad(useCallback(() => booking.salon(), [booking]));
  const list = useLoad(useCallback(() => booking.list('specialist'), [booking]));
  const [problem, setProblem] = useState<string | null>(null);
  // Days as the salon's clock has them, like the times in each row.
  const zone = salon.data?.locations[0]?.timezone ?? user.timezone;
  const days = useMemo(
    () => groupByDay(fromToday(list.data ?? [], new Date(), zone), zone),
    [list.data, zone],
  );

  const act = async (b: Booking, action: BookingAction) => {
    setProblem(null);
    try {
      await booking.act(b.id, action);
      notify(action === 'cancel' ? w('cancelled') : w('done'));
    } catch (e) {
      setProblem(actionFailure(e, w, t));
    }
    await list.reload();
  };

  const error = salon.error ?? list.error;
  if (error instanceof ApiError && error.status === 403) return <p className="hint">{w('notSpecialist')}</p>;
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!salon.data || !list.data) return <p className="hint">{t('loading')}</p>;
  const setup = salon.data;
  const today = dayKey(new Date(), zone);
  return (
    <>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {days.length === 0 && <p className="hint">{w('scheduleEmpty')}</p>}
      {days.map((d) => (
        <section key={d.day} data-day={d.day}>
          <h2>
            {d.day === today ? `${w('today')}, ${dayLabel(d.day, language)}` : dayLabel(d.day, language)}
          </h2>
          <ul className="list" data-list="schedule">
            {d.items.map((b) => (
              <BookingRow key={b.id} booking={b} salon={setup} act={act} moved={list.reload} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
