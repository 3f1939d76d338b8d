import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { bookingApi, type Salon, type Service, type Specialist } from './booking-api.ts';
import {
  addDays,
  choosableSlots,
  dayKey,
  dayLabel,
  groupByDay,
  type Slot,
  timeLabel,
} from './booking-time.ts';
import { bookingWords } from './booking-words.ts';
import { ChoiceChips } from './choice-chips.tsx';
import { MyBookings } from './my-bookings.tsx';

/** How far ahead the page offers free time (the service's own limit may be shorter). */
const DAYS_AHEAD = 14;
const ANYONE = '';

/** A client books: service → specialist or anyone → day → time → Book; their bookings below. */
export default function BookPage() {
  const { api, t, language } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const salon = useLoad(useCallback(() => booking.salon(), [booking]));
  const mine = useLoad(useCallback(() => booking.list('mine'), [booking]));

  if (salon.error !== null) return <p className="error">{failure(salon.error, t)}</p>;
  if (!salon.data) return <p className="hint">{t('loading')}</p>;
  return (
    <>
      {salon.data.services.length === 0 || salon.data.locations.length === 0 ? (
        <p className="hint">{w('noServices')}</p>
      ) : (
        <BookingFlow salon={salon.data} booked={mine.reload} />
      )}
      <MyBookings salon={salon.data} bookings={mine} />
    </>
  );
}

function BookingFlow(props: { salon: Salon; booked: () => Promise<void> }) {
  const { salon } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const zone = user.timezone;
  const [locationId, setLocationId] = useState(salon.locations[0]?.id ?? '');
  const [service, setService] = useState<Service | null>(null);
  const [specialistId, setSpecialistId] = useState<string>(ANYONE);
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const location = salon.locations.find((l) => l.id === locationId);

  const specialists = useLoad(
    useCallback(
      async () => (service ? booking.specialistsFor(service.id, locationId) : []),
      [booking, service, locationId],
    ),
  );
  const slots = useLoad(
    useCallback(async () => {
      if (!service || !location) return [];
      const from = dayKey(new Date(), location.timezone);
      return booking.slots({
        serviceId: service.id,
        locationId: location.id,
        specialistId: specialistId || null,
        from,
        to: addDays(from, DAYS_AHEAD - 1),
      });
    }, [booking, service, location, specialistId]),
  );
  const days = useMemo(
    () => groupByDay(choosableSlots(slots.data ?? [], specialistId || null), zone),
    [slots.data, specialistId, zone],
  );
  const shownDay = days.find((d) => d.day === day) ?? days[0];

  const restart = (next: () => void) => {
    next();
    setDay(null);
    setSlot(null);
    setProblem(null);
  };
  const who = (id: string) =>
    specialistId ? (salon.specialists.find((s) => s.id === id)?.name ?? '') : w('anyone');

  const book = async () => {
    if (!slot || !service || !location) return;
    setBusy(true);
    setProblem(null);
    try {
      const made = await booking.book({
        serviceId: service.id,
        locationId: location.id,
        specialistId: specialistId || null,
        start: slot.start,
      });
      const when = {
        day: dayLabel(dayKey(made.start, zone), language),
        time: timeLabel(made.start, language, zone),
      };
      notify(made.status === 'pending' ? w('bookedPending', when) : w('booked', when));
      setSlot(null);
      await Promise.all([props.booked(), slots.reload()]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setProblem(w('slotTaken', { time: timeLabel(slot.start, language, zone) }));
        setSlot(null);
        await slots.reload();
      } else setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="booking-flow">
      {salon.locations.length > 1 && (
        <ChoiceChips
          step="location"
          title={w('where')}
          items={salon.locations}
          idOf={(l) => l.id}
          labelOf={(l) => l.name}
          selected={locationId}
          pick={(l) => restart(() => setLocationId(l.id))}
        />
      )}
      <ChoiceChips
        step="service"
        title={w('service')}
        items={salon.services}
        idOf={(s) => s.id}
        labelOf={(s) => `${s.name} · ${w('minutes', { n: s.duration_minutes })}`}
        selected={service?.id ?? null}
        pick={(s) => restart(() => setService(s))}
      />
      {service && specialists.error !== null && <p className="error">{failure(specialists.error, t)}</p>}
      {service && specialists.data?.length === 0 && <p className="hint">{w('noSpecialists')}</p>}
      {service && specialists.data && specialists.data.length > 0 && (
        <ChoiceChips<Specialist | null>
          step="specialist"
          title={w('specialist')}
          items={[null, ...specialists.data]}
          idOf={(s) => s?.id ?? ANYONE}
          labelOf={(s) => s?.name ?? w('anyone')}
          selected={specialistId}
          pick={(s) => restart(() => setSpecialistId(s?.id ?? ANYONE))}
        />
      )}
      {service && specialists.data && specialists.data.length > 0 && (
        <>
          {slots.error !== null && <p className="error">{failure(slots.error, t)}</p>}
          {slots.error === null && !slots.data && <p className="hint">{t('loading')}</p>}
          {slots.data && days.length === 0 && <p className="hint">{w('noSlots')}</p>}
          {shownDay && (
            <>
              <ChoiceChips
                step="day"
                title={w('day')}
                items={days}
                idOf={(d) => d.day}
                labelOf={(d) => dayLabel(d.day, language)}
                selected={shownDay.day}
                pick={(d) => {
                  setDay(d.day);
                  setSlot(null);
                  setProblem(null);
                }}
              />
              <ChoiceChips
                step="time"
                title={w('time')}
                items={shownDay.items}
                idOf={(s) => s.start}
                labelOf={(s) => timeLabel(s.start, language, zone)}
                selected={slot?.start ?? null}
                pick={(s) => {
                  setSlot(s);
                  setProblem(null);
                }}
              />
            </>
          )}
          {problem && (
            <p className="error" role="alert" ref={(p) => p?.scrollIntoView({ block: 'center' })}>
              {problem}
            </p>
          )}
          {shownDay && !slot && !problem && <p className="hint">{w('pickTime')}</p>}
          {slot && (
            <div className="booking-confirm">
              <p>
                {w('summary', {
                  service: service.name,
                  day: dayLabel(dayKey(slot.start, zone), language),
                  time: timeLabel(slot.start, language, zone),
                  who: who(slot.specialist_id),
                })}
              </p>
              <button type="button" className="button" data-action="book" disabled={busy} onClick={book}>
                {w('confirm')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
