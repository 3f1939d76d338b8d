import { z } from '@hono/zod-openapi';
import { safeDateTime, safeDay, spanAtMost } from '../../../platform/http/safe-input.ts';
import { isoInZone } from '../../../platform/nl/zoned-clock.ts';
import { minutesOf } from '../booking-format.ts';
import { BOOKING_STATUSES, type BookingRow } from '../booking-tables.ts';
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
  })
  .openapi('BookingService');

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
      .optional()
      .openapi({ description: 'Admin/specialist: book for this person' }),
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
