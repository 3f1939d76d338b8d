import './booking.css';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { BookForClient } from './book-for-client.tsx';
import { bookingApi } from './booking-api.ts';
import { bookingWords } from './booking-words.ts';
import { SalonBookings } from './salon-bookings.tsx';
import { SalonSetup } from './salon-setup.tsx';

const VIEWS = ['bookings', 'bookFor', 'setup'] as const;
type View = (typeof VIEWS)[number];

/** The admin's salon: its bookings (with every action), booking for a client, and the setup. */
export default function SalonPage() {
  const { api, t, language } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const salon = useLoad(useCallback(() => booking.salon(), [booking]));
  const list = useLoad(useCallback(() => booking.list('all'), [booking]));
  const [view, setView] = useState<View>('bookings');

  const error = salon.error ?? list.error;
  if (error instanceof ApiError && error.status === 403) return <p className="hint">{w('notAdmin')}</p>;
  if (error !== null) return <p className="error">{failure(error, t)}</p>;
  if (!salon.data || !list.data) return <p className="hint">{t('loading')}</p>;
  return (
    <>
      <fieldset className="segmented salon-views" aria-label={w('salonViews')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            data-view={v}
            aria-pressed={view === v}
            className={view === v ? 'active' : ''}
            onClick={() => setView(v)}
          >
            {w(`view_${v}`)}
          </button>
        ))}
      </fieldset>
      {view === 'bookings' && <SalonBookings salon={salon.data} bookings={list.data} reload={list.reload} />}
      {view === 'bookFor' && (
        <BookForClient
          salon={salon.data}
          booked={async () => {
            await list.reload();
            setView('bookings');
          }}
        />
      )}
      {view === 'setup' && <SalonSetup salon={salon.data} changed={salon.reload} />}
    </>
  );
}
