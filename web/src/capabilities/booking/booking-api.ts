// The booking capability's REST calls (src/capabilities/booking/http/*-routes.ts).
import type { Api } from '../../api.ts';
import type { components } from '../../api-types.ts';
import type { Slot } from './booking-time.ts';

// The types are the API document's own (web/src/api-types.ts): a field the server renames fails the
// web typecheck here.
type Schemas = components['schemas'];
export type Location = Schemas['BookingLocation'];
export type Service = Schemas['BookingService'];
/** Admins get the Telegram id too; clients pick a specialist by id and name. */
export type Specialist = Schemas['BookingSpecialistListed'];
export type Booking = Schemas['Booking'];
export type BookingStatus = Booking['status'];

/** Every field of a service an admin sets (PATCH sends the ones that changed). */
export type ServiceFields = Omit<Service, 'id' | 'currency' | 'confirmation_notice_minutes'>;

/** Which specialist offers which service where. */
export type Assignment = NonNullable<Schemas['BookingSpecialistServicesPut']['assignments']>[number];

/** Who an admin books for: someone on Telegram, or a walk-in by name and phone. */
export type BookingClient = { telegramId: number } | { name: string; phone: string };

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
    /** Books a slot for oneself, or (admins) for a client on Telegram or a walk-in. */
    book: (b: {
      serviceId: string;
      locationId: string;
      specialistId: string | null;
      start: string;
      client?: BookingClient;
    }) =>
      api.request<Booking>('POST', `${base}/bookings`, {
        service_id: b.serviceId,
        location_id: b.locationId,
        specialist_id: b.specialistId,
        start: b.start,
        ...(b.client && 'telegramId' in b.client ? { client_telegram_id: b.client.telegramId } : {}),
        ...(b.client && 'name' in b.client ? { client: { name: b.client.name, phone: b.client.phone } } : {}),
      }),
    reschedule: (id: string, start: string) =>
      api.request<Booking>('POST', `${base}/bookings/${encodeURIComponent(id)}/reschedule`, { start }),
    /** mine: as a client; specialist: my schedule; all: every booking (admins). */
    list: async (scope: 'mine' | 'specialist' | 'all') =>
      (await api.request<{ bookings: Booking[] }>('GET', `${base}/bookings?scope=${scope}`)).bookings,
    act: (id: string, action: BookingAction) =>
      api.request<Booking>('POST', `${base}/bookings/${encodeURIComponent(id)}/${action}`),
  };
}
export type BookingApi = ReturnType<typeof bookingApi>;

type SetupKind = 'locations' | 'services' | 'specialists';

/** The admin's setup calls: edit, archive or remove, and who offers what where. */
export function setupApi(api: Api) {
  const base = '/booking';
  const path = (kind: SetupKind, id: string) => `${base}/${kind}/${encodeURIComponent(id)}`;
  return {
    createLocation: (body: { name: string; timezone: string; address?: string }) =>
      api.request<Location>('POST', `${base}/locations`, body),
    createService: (body: { name: string; duration_minutes: number } & Partial<ServiceFields>) =>
      api.request<Service>('POST', `${base}/services`, body),
    update: <T>(kind: SetupKind, id: string, body: Record<string, unknown>) =>
      api.request<T>('PATCH', path(kind, id), body),
    /** `archived`: it has bookings ahead, so it is hidden from new bookings and kept; otherwise gone. */
    remove: async (kind: SetupKind, id: string): Promise<'archived' | 'removed'> => {
      const answer = await api.request<Schemas['BookingArchived'] | undefined>('DELETE', path(kind, id));
      return answer?.archived ? 'archived' : 'removed';
    },
    /** The business's settings: the currency prices are in (null until set). */
    business: () => api.request<Schemas['BookingBusinessSettings']>('GET', `${base}/settings`),
    setCurrency: (currency: string) =>
      api.request<Schemas['BookingBusinessSettings']>('PUT', `${base}/settings`, { currency }),
    assignments: async (specialistId: string) =>
      (
        await api.request<Schemas['BookingSpecialistServices']>(
          'GET',
          `${path('specialists', specialistId)}/services`,
        )
      ).assignments,
    setAssignments: async (specialistId: string, assignments: Assignment[]) =>
      (
        await api.request<{ assignments: Assignment[] }>(
          'PUT',
          `${path('specialists', specialistId)}/services`,
          {
            assignments,
          },
        )
      ).assignments,
    /** A one-time link that makes whoever opens it in Telegram this specialist (every service, every location). */
    invite: (name: string) =>
      api.request<Schemas['BookingSpecialistInvite']>('POST', `${base}/specialists/invites`, { name }),
    /** The specialist's weekly hours at a location, as saved. */
    hours: (specialistId: string, locationId: string) =>
      api.request<Schemas['BookingHours']>(
        'GET',
        `${path('specialists', specialistId)}/hours?location_id=${encodeURIComponent(locationId)}`,
      ),
    /** Replaces the specialist's weekly hours at a location (days left out are days off). */
    setHours: (specialistId: string, body: Schemas['BookingHours']) =>
      api.request<{ ok: true }>('PUT', `${path('specialists', specialistId)}/hours`, body),
  };
}
export type SetupApi = ReturnType<typeof setupApi>;

/** The names a booking shows; a service or specialist archived since is named so, not left blank. */
export function namesOf(b: Booking, salon: Salon, gone: string) {
  return {
    service: salon.services.find((s) => s.id === b.service_id)?.name ?? gone,
    specialist: salon.specialists.find((s) => s.id === b.specialist_id)?.name ?? gone,
  };
}

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
