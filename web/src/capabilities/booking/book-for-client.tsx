import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useSession } from '../../context.ts';
import { failure } from '../../i18n.ts';
import { useLoad } from '../../use-load.ts';
import { type BookingClient, bookingApi, type Salon, type Specialist } from './booking-api.ts';
import { type Slot, salonWhen, timeLabel } from './booking-time.ts';
import { bookingWords } from './booking-words.ts';
import { ChoiceChips } from './choice-chips.tsx';
import { SlotPicker, useFreeSlots } from './slot-picker.tsx';

const ANYONE = '';
type Who = 'telegram' | 'walkin';

/** A phone as people write it: digits with +, spaces, dashes, dots or brackets; 5–15 digits. */
export const phoneOk = (text: string) =>
  /^\+?[\d\s\-().]+$/.test(text.trim()) && /^\d{5,15}$/.test(text.replace(/\D/g, ''));

/** Who the admin books for, or what to fix first. */
function clientOf(
  who: Who,
  telegramId: string,
  name: string,
  phone: string,
): { client: BookingClient } | { fix: 'badTelegramId' | 'nameNeeded' | 'badPhone' } {
  if (who === 'telegram') {
    const id = Number(telegramId.trim());
    return /^\d{1,15}$/.test(telegramId.trim()) && id > 0
      ? { client: { telegramId: id } }
      : { fix: 'badTelegramId' };
  }
  if (name.trim() === '') return { fix: 'nameNeeded' };
  if (!phoneOk(phone)) return { fix: 'badPhone' };
  return { client: { name: name.trim(), phone: phone.trim() } };
}

/**
 * An admin books for someone: service → specialist or anyone → day and time → a person on
 * Telegram (their numeric id) or a walk-in (name and phone) → Book.
 */
export function BookForClient(props: { salon: Salon; booked: () => Promise<void> }) {
  const { salon } = props;
  const { api, t, language, user, notify } = useSession();
  const w = useMemo(() => bookingWords(language), [language]);
  const booking = useMemo(() => bookingApi(api), [api]);
  const [locationId, setLocationId] = useState(salon.locations[0]?.id ?? '');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [specialistId, setSpecialistId] = useState(ANYONE);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [who, setWho] = useState<Who>('telegram');
  const [telegramId, setTelegramId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const location = salon.locations.find((l) => l.id === locationId);
  const zone = location?.timezone ?? user.timezone;
  const specialists = useLoad(
    useCallback(
      async () => (serviceId ? booking.specialistsFor(serviceId, locationId) : []),
      [booking, serviceId, locationId],
    ),
  );
  const free = useFreeSlots(
    serviceId && location
      ? { serviceId, locationId, specialistId: specialistId || null, zone: location.timezone }
      : null,
  );
  const restart = (next: () => void) => {
    next();
    setSlot(null);
    setProblem(null);
  };

  const book = async () => {
    if (!slot || !serviceId) return;
    const answer = clientOf(who, telegramId, name, phone);
    if ('fix' in answer) {
      setProblem(w(answer.fix));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await booking.book({
        serviceId,
        locationId,
        specialistId: specialistId || null,
        start: slot.start,
        client: answer.client,
      });
      notify(w('bookedFor', { when: salonWhen(slot.start, language, zone, user.timezone) }));
      setSlot(null);
      setTelegramId('');
      setName('');
      setPhone('');
      await Promise.all([props.booked(), free.slots.reload()]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setProblem(w('slotTaken', { time: timeLabel(slot.start, language, zone) }));
        setSlot(null);
        await free.slots.reload();
      } else if (e instanceof ApiError && e.status === 404 && who === 'telegram') {
        setProblem(w('unknownTelegramId'));
      } else setProblem(failure(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (salon.services.length === 0 || salon.locations.length === 0) return <p className="hint">{w('none')}</p>;
  return (
    <div className="booking-flow" data-form="book-for-client">
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
        selected={serviceId}
        pick={(s) => restart(() => setServiceId(s.id))}
      />
      {serviceId && specialists.data?.length === 0 && <p className="hint">{w('noSpecialists')}</p>}
      {serviceId && specialists.data && specialists.data.length > 0 && (
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
        </>
      )}
      {slot && (
        <>
          <ChoiceChips<Who>
            step="client-kind"
            title={w('client')}
            items={['telegram', 'walkin']}
            idOf={(k) => k}
            labelOf={(k) => w(k === 'telegram' ? 'onTelegram' : 'walkIn')}
            selected={who}
            pick={(k) => {
              setWho(k);
              setProblem(null);
            }}
          />
          {who === 'telegram' ? (
            <label className="field">
              <span className="field-label">{w('telegramId')}</span>
              <input
                name="client-telegram-id"
                inputMode="numeric"
                value={telegramId}
                onChange={(e) => setTelegramId(e.target.value)}
              />
            </label>
          ) : (
            <>
              <label className="field">
                <span className="field-label">{w('clientName')}</span>
                <input
                  name="client-name"
                  maxLength={120}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </label>
              <label className="field">
                <span className="field-label">{w('clientPhone')}</span>
                <input
                  name="client-phone"
                  type="tel"
                  maxLength={40}
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                />
              </label>
            </>
          )}
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <div className="booking-confirm">
            <p>{salonWhen(slot.start, language, zone, user.timezone)}</p>
            <button type="button" className="button" data-action="book-for" disabled={busy} onClick={book}>
              {w('confirm')}
            </button>
          </div>
        </>
      )}
      {!slot && problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
