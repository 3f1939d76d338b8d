import { useCallback, useMemo } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { bookingApi } from './booking-api.ts';
import { BookingRow } from './booking-row.tsx';
import { dayKey, dayLabel, fromToday, groupByDay } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';

/** The admin's view: today's and upcoming bookings across specialists with counts; services and specialists. */
export default function SalonPage() {
  const { api, t, language, user } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const salon = useLoad(useCallback(() => booking.salon(), [booking]));
  const list = useLoad(useCallback(() => booking.list('all'), [booking]));
  const zone = user.timezone;
  const ahead = useMemo(() => fromToday(list.data ?? [], new Date(), zone), [list.data, zone]);

  const error = salon.error ?? list.error;
  if (error instanceof ApiError && error.status === 403) return <p className="hint">{w('notAdmin')}</p>;
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!salon.data || !list.data) return <p className="hint">{t('loading')}</p>;
  const setup = salon.data;
  const today = dayKey(new Date(), zone);
  const isToday = (start: string) => dayKey(start, zone) === today;
  const todays = ahead.filter((b) => isToday(b.start));
  const upcoming = ahead.filter((b) => !isToday(b.start));
  const pending = ahead.filter((b) => b.status === 'pending').length;
  const count = (specialistId: string, items: typeof ahead) =>
    items.filter((b) => b.specialist_id === specialistId).length;

  return (
    <>
      <p className="row-sub" data-counts="">
        {[
          w('countToday', { n: todays.length }),
          w('countUpcoming', { n: upcoming.length }),
          w('countPending', { n: pending }),
        ].join(' · ')}
      </p>
      <h2>
        {w('today')}, {dayLabel(today, language)}
      </h2>
      {todays.length === 0 ? (
        <p className="hint">{w('nothingToday')}</p>
      ) : (
        <ul className="list" data-list="today">
          {todays.map((b) => (
            <BookingRow key={b.id} booking={b} salon={setup} showSpecialist />
          ))}
        </ul>
      )}
      <h2>{w('upcoming')}</h2>
      {upcoming.length === 0 && <p className="hint">{w('nothingUpcoming')}</p>}
      {groupByDay(upcoming, zone).map((d) => (
        <section key={d.day} data-day={d.day}>
          <h3>{dayLabel(d.day, language)}</h3>
          <ul className="list" data-list="upcoming">
            {d.items.map((b) => (
              <BookingRow key={b.id} booking={b} salon={setup} showSpecialist />
            ))}
          </ul>
        </section>
      ))}
      <h2>{w('bySpecialist')}</h2>
      {setup.specialists.length === 0 ? (
        <p className="hint">{w('none')}</p>
      ) : (
        <ul className="list" data-list="specialists">
          {setup.specialists.map((s) => (
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
      <h2>{w('services')}</h2>
      {setup.services.length === 0 ? (
        <p className="hint">{w('none')}</p>
      ) : (
        <ul className="list" data-list="services">
          {setup.services.map((s) => (
            <li key={s.id} className="row">
              <span className="row-main">{s.name}</span>
              <span className="row-sub">
                {w('minutes', { n: s.duration_minutes })}
                {s.price_cents !== null ? ` · ${(s.price_cents / 100).toFixed(2)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
