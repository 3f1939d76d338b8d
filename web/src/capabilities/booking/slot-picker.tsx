import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { bookingApi } from './booking-api.ts';
import {
  addDays,
  choosableSlots,
  dayKey,
  dayLabel,
  groupByDay,
  type Slot,
  sameClock,
  timeLabel,
  zoneWords,
} from './booking-time.ts';
import { bookingWords } from './booking-words.ts';
import { ChoiceChips } from './choice-chips.tsx';

/** How far ahead the pages offer free time (the service's own limit may be shorter). */
export const DAYS_AHEAD = 14;

/** What free time to offer: a service at a location, one specialist's or (null) anyone's. */
export interface SlotQuery {
  serviceId: string;
  locationId: string;
  specialistId: string | null;
  /** The location's zone: days and times are the salon's. */
  zone: string;
}

/** The free slots for a query (none while it is null), grouped by the salon's day. */
export function useFreeSlots(query: SlotQuery | null) {
  const { api } = useSession();
  const booking = useMemo(() => bookingApi(api), [api]);
  const { serviceId, locationId, specialistId, zone } = query ?? {};
  const slots = useLoad(
    useCallback(async () => {
      if (!serviceId || !locationId || !zone) return [];
      const from = dayKey(new Date(), zone);
      return booking.slots({
        serviceId,
        locationId,
        specialistId: specialistId ?? null,
        from,
        to: addDays(from, DAYS_AHEAD - 1),
      });
    }, [booking, serviceId, locationId, specialistId, zone]),
  );
  const days = useMemo(
    () => (zone ? groupByDay(choosableSlots(slots.data ?? [], specialistId ?? null), zone) : []),
    [slots.data, specialistId, zone],
  );
  return { slots, days };
}

/**
 * Day chips, then the chosen day's times (the salon's clock; the heading names its zone when the
 * viewer's clock differs). `skip`: a start not to offer (the booking's own time when moving it).
 */
export function SlotPicker(props: {
  free: ReturnType<typeof useFreeSlots>;
  zone: string;
  selected: Slot | null;
  pick: (slot: Slot | null) => void;
  skip?: string;
}) {
  const { free, zone, selected, pick } = props;
  const { t, language, user } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const [day, setDay] = useState<string | null>(null);
  const skip = props.skip ? Date.parse(props.skip) : null;
  const days = useMemo(
    () =>
      free.days
        .map((d) => ({ ...d, items: d.items.filter((s) => Date.parse(s.start) !== skip) }))
        .filter((d) => d.items.length > 0),
    [free.days, skip],
  );
  const shown = days.find((d) => d.day === day) ?? days[0];
  if (free.slots.error !== null) return <p className="error">{failure(free.slots.error, t)}</p>;
  if (!free.slots.data) return <p className="hint">{t('loading')}</p>;
  if (!shown) return <p className="hint">{w('noSlots')}</p>;
  const first = shown.items[0]?.start ?? '';
  const timeTitle = sameClock(first, zone, user.timezone)
    ? w('time')
    : `${w('time')}, ${zoneWords(zone, language)}`;
  return (
    <>
      <ChoiceChips
        step="day"
        title={w('day')}
        items={days}
        idOf={(d) => d.day}
        labelOf={(d) => dayLabel(d.day, language)}
        selected={shown.day}
        pick={(d) => {
          setDay(d.day);
          pick(null);
        }}
      />
      <ChoiceChips
        step="time"
        title={timeTitle}
        items={shown.items}
        idOf={(s) => s.start}
        labelOf={(s) => timeLabel(s.start, language, zone)}
        selected={selected?.start ?? null}
        pick={pick}
      />
    </>
  );
}
