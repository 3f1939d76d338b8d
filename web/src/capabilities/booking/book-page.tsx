import './booking.css';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { bookingApi, type Salon, type Service, type Specialist } from './booking-api.ts';
import { priceLabel } from './booking-price.ts';
import { dayKey, dayLabel, type Slot, salonTime, timeLabel } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';
import { ChoiceChips } from './choice-chips.tsx';
import { MyBookings } from './my-bookings.tsx';
import { SlotPicker, useFreeSlots } from './slot-picker.tsx';

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
  const [locationId, setLocationId] = useState(salon.locations[0]?.id ?? '');
  const [service, setService] = useState<Service | null>(null);
  const [specialistId, setSpecialistId] = useState<string>(ANYONE);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const location = salon.locations.find((l) => l.id === locationId);
  const zone = location?.timezone ?? user.timezone;

  const specialists = useLoad(
    useCallback(
      async () => (service ? booking.specialistsFor(service.id, locationId) : []),
      [booking, service, locationId],
    ),
  );
  const free = useFreeSlots(
    service && location
      ? { serviceId: service.id, locationId: location.id, specialistId: specialistId || null, zone }
      : null,
  );

  const restart = (next: () => void) => {
    next();
    setSlot(null);
    setProblem(null);
  };
  const who = (id: string) =>
    specialistId ? (salon.specialists.find((s) => s.id === id)?.name ?? '') : w('anyone');
  const when = (start: string) => ({
    day: dayLabel(dayKey(start, zone), language),
    time: salonTime(start, language, zone, user.timezone),
  });

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
      notify(
        made.status === 'pending' ? w('bookedPending', when(made.start)) : w('booked', when(made.start)),
      );
      setSlot(null);
      await Promise.all([props.booked(), free.slots.reload()]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setProblem(w('slotTaken', { time: timeLabel(slot.start, language, zone) }));
        setSlot(null);
        await free.slots.reload();
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
        labelOf={(s) =>
          [
            s.name,
            w('minutes', { n: s.duration_minutes }),
            ...(s.price_cents === null ? [] : [priceLabel(s.price_cents, s.currency, language)]),
          ].join(' · ')
        }
        selected={service?.id ?? null}
        pick={(s) => restart(() => setService(s))}
      />
      {service && specialists.error !== null && <p className="error">{failure(specialists.error, t)}</p>}
      {service && specialists.data?.length === 0 && <p className="hint">{w('noSpecialists')}</p>}
      {service && specialists.data && specialists.data.length > 0 && (
        <>
          <ChoiceChips<Specialist | null>
            step="specialist"
            title={w('specialist')}
            items={[null, ...specialists.data]}
            idOf={(s) => s?.id ?? ANYONE}
            labelOf={(s) => s?.name ?? w('anyone')}
            selected={specialistId}
            pick={(s) => restart(() => setSpecialistId(s?.id ?? ANYONE))}
          />
          <SlotPicker
            free={free}
            zone={zone}
            selected={slot}
            pick={(s) => {
              setSlot(s);
              setProblem(null);
            }}
          />
          {problem && (
            <p className="error" role="alert" ref={(p) => p?.scrollIntoView({ block: 'center' })}>
              {problem}
            </p>
          )}
          {free.days.length > 0 && !slot && !problem && <p className="hint">{w('pickTime')}</p>}
          {slot && (
            <div className="booking-confirm" ref={(d) => d?.scrollIntoView({ block: 'nearest' })}>
              <p>
                {w('summary', { service: service.name, ...when(slot.start), who: who(slot.specialist_id) })}
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
