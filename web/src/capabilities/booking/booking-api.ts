// The booking capability's REST calls (src/capabilities/booking/http/*-routes.ts).
import type { Api } from '../../api.ts';
import type { Slot } from './booking-time.ts';

export interface Location {
  id: string;
  name: string;
  timezone: string;
  address: string | null;
}

export interface Service {
  id: string;
  name: string;
  duration_minutes: number;
  price_cents: number | null;
}

export interface Specialist {
  id: string;
  name: string;
  telegram_id: number;
}

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'done' | 'no_show';

export interface Booking {
  id: string;
  status: BookingStatus;
  start: string;
  end: string;
  service_id: string;
  location_id: string;
  specialist_id: string;
  client_id: string;
  client_name?: string;
  client_no_shows?: number;
}

export type BookingAction = 'confirm' | 'decline' | 'cancel' | 'complete' | 'no-show';

/** The salon's setup as every signed-in user may read it. */
export interface Salon {
  locations: Location[];
  services: Service[];
  specialists: Specialist[];
}

export function bookingApi(api: Api) {
  const base = '/booking';
  return {
    async salon(): Promise<Salon> {
      const [l, s, p] = await Promise.all([
        api.request<{ locations: Location[] }>('GET', `${base}/locations`),
        api.request<{ services: Service[] }>('GET', `${base}/services`),
        api.request<{ specialists: Specialist[] }>('GET', `${base}/specialists`),
      ]);
      return { locations: l.locations, services: s.services, specialists: p.specialists };
    },
    /** Who offers this service at this location. */
    specialistsFor: async (serviceId: string, locationId: string) => {
      const query = new URLSearchParams({ service_id: serviceId, location_id: locationId });
      return (await api.request<{ specialists: Specialist[] }>('GET', `${base}/specialists?${query}`))
        .specialists;
    },
    /** Free slots between two days (inclusive, the location's days); without a specialist: anyone's. */
    slots: async (q: {
      serviceId: string;
      locationId: string;
      specialistId: string | null;
      from: string;
      to: string;
    }) => {
      const query = new URLSearchParams({
        service_id: q.serviceId,
        location_id: q.locationId,
        from: q.from,
        to: q.to,
      });
      if (q.specialistId) query.set('specialist_id', q.specialistId);
      return (await api.request<{ slots: Slot[] }>('GET', `${base}/slots?${query}`)).slots;
    },
    book: (b: { serviceId: string; locationId: string; specialistId: string | null; start: string }) =>
      api.request<Booking>('POST', `${base}/bookings`, {
        service_id: b.serviceId,
        location_id: b.locationId,
        specialist_id: b.specialistId,
        start: b.start,
      }),
    /** mine: as a client; specialist: my schedule; all: every booking (admins). */
    list: async (scope: 'mine' | 'specialist' | 'all') =>
      (await api.request<{ bookings: Booking[] }>('GET', `${base}/bookings?scope=${scope}`)).bookings,
    act: (id: string, action: BookingAction) =>
      api.request<Booking>('POST', `${base}/bookings/${encodeURIComponent(id)}/${action}`),
  };
}
export type BookingApi = ReturnType<typeof bookingApi>;

/** Bookings still ahead or under way (not cancelled, done or missed), soonest first. */
export function openBookings(bookings: readonly Booking[], now: Date): Booking[] {
  return bookings
    .filter((b) => (b.status === 'pending' || b.status === 'confirmed') && Date.parse(b.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** What a specialist or admin may do with a booking now (the server decides in the end). */
export function actionsFor(b: Booking, now: Date): BookingAction[] {
  if (b.status !== 'pending' && b.status !== 'confirmed') return [];
  const started = now.getTime() >= Date.parse(b.start);
  const actions: BookingAction[] = b.status === 'pending' ? ['confirm', 'decline'] : [];
  return started ? [...actions, 'complete', 'no-show'] : [...actions, 'cancel'];
}
