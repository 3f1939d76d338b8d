import { useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { type Booking, bookingApi, type Salon } from './booking-api.ts';
import { actionFailure } from './booking-failure.ts';
import { type Slot, salonWhen, timeLabel } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';
import { SlotPicker, useFreeSlots } from './slot-picker.tsx';

/** The zone a booking's times are read in: its location's (the salon's clock). */
export const zoneOf = (b: Booking, salon: Salon, fallback: string) =>
  salon.locations.find((l) => l.id === b.location_id)?.timezone ?? fallback;

/**
 * Moves a booking to another free time of the same specialist: pick a day and time, then
 * "Move to …?" with Move / Keep. A time taken meanwhile is said so and the times refresh.
 */
export function MoveBooking(props: {
  booking: Booking;
  salon: Salon;
  moved: (b: Booking) => Promise<void>;
  keep: () => void;
}) {
  const { booking: b, salon } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const zone = zoneOf(b, salon, user.timezone);
  const free = useFreeSlots({
    serviceId: b.service_id,
    locationId: b.location_id,
    specialistId: b.specialist_id,
    zone,
  });
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const move = async () => {
    if (!slot) return;
    setBusy(true);
    setProblem(null);
    try {
      const moved = await booking.reschedule(b.id, slot.start);
      notify(w('moved', { when: salonWhen(moved.start, language, zone, user.timezone) }));
      await props.moved(moved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code !== 'booking_cutoff_passed') {
        setProblem(w('slotTaken', { time: timeLabel(slot.start, language, zone) }));
        setSlot(null);
        await free.slots.reload();
      } else setProblem(actionFailure(e, w, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="move-booking" data-move={b.id}>
      <SlotPicker
        free={free}
        zone={zone}
        selected={slot}
        skip={b.start}
        pick={(s) => {
          setSlot(s);
          setProblem(null);
        }}
      />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="row-actions" ref={(d) => d?.scrollIntoView({ block: 'nearest' })}>
        {slot && (
          <span className="row-sub row-main">
            {w('moveAsk', { when: salonWhen(slot.start, language, zone, user.timezone) })}
          </span>
        )}
        {slot && (
          <button
            type="button"
            className="button small"
            data-action="move-yes"
            disabled={busy}
            onClick={move}
          >
            {w('moveYes')}
          </button>
        )}
        <button type="button" className="button small secondary" data-action="move-keep" onClick={props.keep}>
          {w('keep')}
        </button>
      </div>
    </div>
  );
}
