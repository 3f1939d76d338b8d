import { z } from '@hono/zod-openapi';
import { safeDateTime, safeDay, spanAtMost } from '../../../platform/http/safe-input.ts';
import { isoInZone } from '../../../platform/nl/zoned-clock.ts';
import { minutesOf } from '../booking-format.ts';
import { BOOKING_STATUSES, type BookingRow, type LocationRow, type ServiceRow } from '../booking-tables.ts';
import { MAX_RANGE_DAYS } from '../slots/slot-engine.ts';

const id = z.string().uuid();
const name = z.string().trim().min(1).max(120);
const hhmm = z
  .string()
  .refine((v) => minutesOf(v) !== null, 'a time "HH:MM" on the 15-minute grid (00:00–24:00)')
  .openapi({ example: '09:00' });
const day = safeDay();
const minutes = (max: number) => z.number().int().min(0).max(max);

export const IdParam = z.object({ id });

export const LocationCreate = z
  .object({ name, timezone: z.string().min(1).max(64), address: z.string().max(300).optional() })
  .openapi('BookingLocationCreate');
export const LocationSchema = z
  .object({ id, name: z.string(), timezone: z.string(), address: z.string().nullable() })
  .openapi('BookingLocation');

export const ServiceCreate = z
  .object({
    name,
    duration_minutes: z.number().int().min(15).max(720).multipleOf(15),
    price_cents: minutes(100_000_000).optional(),
    buffer_before_minutes: minutes(240).optional(),
    buffer_after_minutes: minutes(240).optional(),
    min_notice_minutes: minutes(525_600).optional(),
    max_days_ahead: z.number().int().min(1).max(366).optional(),
    requires_confirmation: z.enum(['always', 'never', 'below_notice']).optional(),
    cancel_cutoff_minutes: minutes(525_600).optional(),
  })
  .openapi('BookingServiceCreate');
export const ServiceSchema = z
  .object({
    id,
    name: z.string(),
    duration_minutes: z.number().int(),
    price_cents: z.number().int().nullable(),
    currency: z
      .string()
      .nullable()
      .openapi({ description: "The business's ISO 4217 currency of price_cents (null: not set yet)" }),
    buffer_before_minutes: z.number().int(),
    buffer_after_minutes: z.number().int(),
    min_notice_minutes: z.number().int(),
    max_days_ahead: z.number().int(),
    requires_confirmation: z.enum(['always', 'never', 'below_notice']),
    confirmation_notice_minutes: z.number().int(),
    cancel_cutoff_minutes: z.number().int(),
  })
  .openapi('BookingService');

/** Any field of a location; address null clears it. */
export const LocationPatch = z
  .object({
    name: name.optional(),
    timezone: z.string().min(1).max(64).optional(),
    address: z.string().max(300).nullable().optional(),
  })
  .openapi('BookingLocationPatch');
/** Any field of a service; price_cents null clears the price. */
export const ServicePatch = ServiceCreate.partial()
  .extend({
    price_cents: minutes(100_000_000).nullable().optional(),
    confirmation_notice_minutes: minutes(525_600).optional(),
  })
  .openapi('BookingServicePatch');
export const SpecialistPatch = z
  .object({
    name: name.optional(),
    telegram_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .openapi('BookingSpecialistPatch');
export const Archived = z
  .object({
    archived: z.literal(true),
    future_bookings: z.number().int().openapi({ description: 'Bookings still ahead that keep it' }),
  })
  .openapi('BookingArchived');
export const BusinessSettings = z
  .object({
    currency: z
      .string()
      .nullable()
      .openapi({ description: 'ISO 4217 code prices are in (null: not set yet)', example: 'EUR' }),
  })
  .openapi('BookingBusinessSettings');
export const BusinessSettingsPut = z
  .object({ currency: z.string().min(3).max(3).openapi({ example: 'EUR' }) })
  .openapi('BookingBusinessSettingsPut');

export function serviceDto(r: ServiceRow, currency: string | null) {
  return {
    id: r.id,
    name: r.name,
    duration_minutes: r.durationMinutes,
    price_cents: r.priceCents,
    currency,
    buffer_before_minutes: r.bufferBeforeMinutes,
    buffer_after_minutes: r.bufferAfterMinutes,
    min_notice_minutes: r.minNoticeMinutes,
    max_days_ahead: r.maxDaysAhead,
    requires_confirmation: r.requiresConfirmation,
    confirmation_notice_minutes: r.confirmationNoticeMinutes,
    cancel_cutoff_minutes: r.cancelCutoffMinutes,
  };
}

export const locationDto = (r: LocationRow) => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  address: r.address,
});

export const SpecialistCreate = z
  .object({
    telegram_id: z.number().int().positive(),
    name,
    service_ids: z.array(id).max(100),
    location_ids: z.array(id).max(100),
  })
  .openapi('BookingSpecialistCreate');
export const SpecialistSchema = z
  .object({ id, name: z.string(), telegram_id: z.number().int() })
  .openapi('BookingSpecialist');

export const SpecialistsQuery = z.object({ service_id: id.optional(), location_id: id.optional() });

const Range = z.object({ start: hhmm, end: hhmm });
export const HoursPut = z
  .object({
    location_id: id,
    weekly: z
      .array(
        z.object({
          weekday: z.number().int().min(1).max(7),
          start: hhmm,
          end: hhmm,
          breaks: z.array(Range).max(10).default([]),
        }),
      )
      .max(21),
  })
  .openapi('BookingHours');

export const ExceptionCreate = z
  .object({ location_id: id, day, start: hhmm.optional(), end: hhmm.optional() })
  .openapi('BookingException', {
    description: 'Without start/end: a day off; with them: extra hours that day',
  });

export const ExceptionSchema = z
  .object({
    id,
    location_id: id,
    day: z.string(),
    kind: z.enum(['day_off', 'extra']),
    start: z.string().nullable(),
    end: z.string().nullable(),
  })
  .openapi('BookingExceptionRow');
export const ExceptionParam = z.object({ id, exception_id: id });

export const SlotsQuery = z
  .object({
    service_id: id,
    location_id: id,
    from: day,
    to: day.openapi({ description: `Inclusive; at most ${MAX_RANGE_DAYS} days from \`from\`` }),
    specialist_id: id.optional(),
  })
  .superRefine(spanAtMost(MAX_RANGE_DAYS));
const Slot = z.object({ start: z.string(), end: z.string(), specialist_id: id });
export const SlotsSchema = z.object({ slots: z.array(Slot) }).openapi('BookingSlots');

export const BookingCreate = z
  .object({
    service_id: id,
    location_id: id,
    specialist_id: id
      .nullable()
      .optional()
      .openapi({ description: 'Omit or null: any specialist free then' }),
    start: safeDateTime(),
    client_telegram_id: z
      .number()
      .int()
      .positive()
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .openapi({ description: 'Admin/specialist: book for this person (they have written to the bot)' }),
    client: z
      .object({
        name,
        phone: z.string().trim().min(7).max(32).openapi({ example: '+44 20 7946 0958' }),
      })
      .optional()
      .openapi({
        description:
          'Admin/specialist: book a walk-in by name and phone (both sealed at rest); not with client_telegram_id',
      }),
  })
  .openapi('BookingCreate');
export const RescheduleBody = z.object({ start: safeDateTime() });
export const ActionParam = z.object({
  id,
  action: z.enum(['confirm', 'decline', 'cancel', 'reschedule', 'complete', 'no-show']),
});

export const BookingSchema = z
  .object({
    id,
    status: z.enum(BOOKING_STATUSES),
    start: z.string(),
    end: z.string(),
    service_id: id,
    location_id: id,
    specialist_id: id,
    client_id: id,
    client_name: z.string().optional(),
    client_no_shows: z.number().int().optional(),
    created_by: z.string(),
    version: z.number().int(),
  })
  .openapi('Booking');
export const BookingListQuery = z.object({ scope: z.enum(['mine', 'specialist', 'all']).default('mine') });
export const BookingListSchema = z.object({ bookings: z.array(BookingSchema) });

export const Alternatives = z.object({
  alternatives: z.array(z.object({ start: z.string(), specialist_id: id })),
});

export function bookingDto(b: BookingRow, zone: string, client?: { name: string; noShows: number }) {
  return {
    id: b.id,
    status: b.status,
    start: isoInZone(b.startAt, zone),
    end: isoInZone(b.endAt, zone),
    service_id: b.serviceId,
    location_id: b.locationId,
    specialist_id: b.specialistId,
    client_id: b.clientId,
    ...(client ? { client_name: client.name, client_no_shows: client.noShows } : {}),
    created_by: b.createdBy,
    version: b.version,
  };
}
