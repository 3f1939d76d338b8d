import { useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import type { Booking, BookingAction, Salon } from './booking-api.ts';
import { bookingApi } from './booking-api.ts';
import { actionFailure } from './booking-failure.ts';
import { BookingRow } from './booking-row.tsx';
import { dayKey, dayLabel, fromToday, groupByDay } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';

const ACTION_DONE: Partial<
  Record<BookingAction, 'confirmedDone' | 'declinedDone' | 'cancelled' | 'noShowDone'>
> = { confirm: 'confirmedDone', decline: 'declinedDone', cancel: 'cancelled', 'no-show': 'noShowDone' };

/**
 * The admin's bookings: counts, today's and upcoming bookings across specialists (days as the
 * salon's clock has them), each with confirm / decline / move / cancel / came / no-show.
 */
export function SalonBookings(props: { salon: Salon; bookings: Booking[]; reload: () => Promise<void> }) {
  const { salon, bookings } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const [problem, setProblem] = useState<string | null>(null);
  const zone = salon.locations[0]?.timezone ?? user.timezone;
  const ahead = useMemo(() => fromToday(bookings, new Date(), zone), [bookings, zone]);
  const today = dayKey(new Date(), zone);
  const todays = ahead.filter((b) => dayKey(b.start, zone) === today);
  const upcoming = ahead.filter((b) => dayKey(b.start, zone) !== today);
  const pending = ahead.filter((b) => b.status === 'pending').length;
  const count = (specialistId: string, items: Booking[]) =>
    items.filter((b) => b.specialist_id === specialistId).length;

  const act = async (b: Booking, action: BookingAction) => {
    setProblem(null);
    try {
      await booking.act(b.id, action);
      notify(w(ACTION_DONE[action] ?? 'done'));
    } catch (e) {
      setProblem(actionFailure(e, w, t));
    }
    await props.reload();
  };
  const row = (b: Booking) => (
    <BookingRow key={b.id} booking={b} salon={salon} showSpecialist act={act} moved={props.reload} />
  );

  return (
    <>
      <p className="row-sub" data-counts="">
        {[
          w('countToday', { n: todays.length }),
          w('countUpcoming', { n: upcoming.length }),
          w('countPending', { n: pending }),
        ].join(' · ')}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <h2>
        {w('today')}, {dayLabel(today, language)}
      </h2>
      {todays.length === 0 ? (
        <p className="hint">{w('nothingToday')}</p>
      ) : (
        <ul className="list" data-list="today">
          {todays.map(row)}
        </ul>
      )}
      <h2>{w('upcoming')}</h2>
      {upcoming.length === 0 && <p className="hint">{w('nothingUpcoming')}</p>}
      {groupByDay(upcoming, zone).map((d) => (
        <section key={d.day} data-day={d.day}>
          <h3>{dayLabel(d.day, language)}</h3>
          <ul className="list" data-list="upcoming">
            {d.items.map(row)}
          </ul>
        </section>
      ))}
      <h2>{w('bySpecialist')}</h2>
      {salon.specialists.length === 0 ? (
        <p className="hint">{w('none')}</p>
      ) : (
        <ul className="list" data-list="specialists">
          {salon.specialists.map((s) => (
            <li key={s.id} className="row" data-specialist-id={s.id}>
              <span className="row-main">{s.name}</span>
              <span className="row-sub">
                {w('countToday', { n: count(s.id, todays) })} ·{' '}
                {w('countUpcoming', { n: count(s.id, upcoming) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
