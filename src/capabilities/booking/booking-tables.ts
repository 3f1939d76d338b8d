import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { encryptedText } from '../../platform/crypto/encrypted-text.ts';
import { timestamptz as tstz } from '../../platform/db/columns.ts';

// Mirrors migrations/0011_booking.sql (the SQL is the source of truth).
export const BOOKING_STATUSES = ['pending', 'confirmed', 'done', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type ActorRole = 'client' | 'specialist' | 'admin';
export type InitiatorRole = ActorRole | 'system';
export type ConfirmationRule = 'always' | 'never' | 'below_notice';
export interface Break {
  start: number;
  end: number;
}

export const bookingLocations = pgTable('booking_locations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  address: text('address'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const bookingServices = pgTable('booking_services', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  priceCents: integer('price_cents'),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull(),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull(),
  minNoticeMinutes: integer('min_notice_minutes').notNull(),
  maxDaysAhead: integer('max_days_ahead').notNull(),
  requiresConfirmation: text('requires_confirmation').$type<ConfirmationRule>().notNull(),
  confirmationNoticeMinutes: integer('confirmation_notice_minutes').notNull(),
  cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const bookingSpecialists = pgTable('booking_specialists', {
  id: uuid('id').primaryKey(),
  telegramId: bigint('telegram_id', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
  archivedAt: tstz('archived_at'),
});

export const bookingSpecialistServices = pgTable(
  'booking_specialist_services',
  { specialistId: uuid('specialist_id').notNull(), serviceId: uuid('service_id').notNull() },
  (t) => [primaryKey({ columns: [t.specialistId, t.serviceId] })],
);

export const bookingSpecialistLocations = pgTable(
  'booking_specialist_locations',
  { specialistId: uuid('specialist_id').notNull(), locationId: uuid('location_id').notNull() },
  (t) => [primaryKey({ columns: [t.specialistId, t.locationId] })],
);

/** Which specialist offers which service where (migrations/0029_booking_admin.sql). */
export const bookingAssignments = pgTable(
  'booking_assignments',
  {
    specialistId: uuid('specialist_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    locationId: uuid('location_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.serviceId, t.locationId] })],
);

/** The business's settings: one row (id is always true). */
export const bookingBusiness = pgTable('booking_business', {
  id: boolean('id').primaryKey().default(true),
  currency: text('currency'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const bookingHours = pgTable('booking_hours', {
  id: uuid('id').primaryKey(),
  specialistId: uuid('specialist_id').notNull(),
  locationId: uuid('location_id').notNull(),
  weekday: smallint('weekday').notNull(),
  startMinute: integer('start_minute').notNull(),
  endMinute: integer('end_minute').notNull(),
  breaks: jsonb('breaks').$type<Break[]>().notNull(),
});

export const bookingExceptions = pgTable('booking_exceptions', {
  id: uuid('id').primaryKey(),
  specialistId: uuid('specialist_id').notNull(),
  locationId: uuid('location_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  kind: text('kind').$type<'day_off' | 'extra'>().notNull(),
  startMinute: integer('start_minute'),
  endMinute: integer('end_minute'),
});

export const bookingClients = pgTable('booking_clients', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id'),
  /** A web client's phone or e-mail, sealed (shown and sent to; never searched: see identityHash). */
  identity: encryptedText('identity'),
  /** The keyed hash a web client is found by (web/identity-keys.ts). */
  identityHash: text('identity_hash'),
  name: text('name').notNull(),
  /** The name a walk-in gave staff, sealed (`name` then holds their masked phone). */
  givenName: encryptedText('given_name'),
  language: text('language').notNull(),
  noShowCount: integer('no_show_count').notNull().default(0),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const bookings = pgTable('bookings', {
  id: uuid('id').primaryKey(),
  serviceId: uuid('service_id').notNull(),
  locationId: uuid('location_id').notNull(),
  specialistId: uuid('specialist_id').notNull(),
  clientId: uuid('client_id').notNull(),
  startAt: tstz('start_at').notNull(),
  endAt: tstz('end_at').notNull(),
  blockedFrom: tstz('blocked_from').notNull(),
  blockedTo: tstz('blocked_to').notNull(),
  status: text('status').$type<BookingStatus>().notNull(),
  createdBy: text('created_by').$type<ActorRole>().notNull(),
  cancelReason: text('cancel_reason'),
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const bookingEvents = pgTable('booking_events', {
  id: uuid('id').primaryKey(),
  bookingId: uuid('booking_id').notNull(),
  at: tstz('at').notNull(),
  kind: text('kind').notNull(),
  fromStatus: text('from_status').$type<BookingStatus>(),
  toStatus: text('to_status').$type<BookingStatus>().notNull(),
  initiatorRole: text('initiator_role').$type<InitiatorRole>().notNull(),
  initiatorUserId: uuid('initiator_user_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});

export const bookingAdTemplates = pgTable('booking_ad_templates', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const bookingNotificationSettings = pgTable(
  'booking_notification_settings',
  {
    event: text('event').notNull(),
    recipientRole: text('recipient_role').$type<ActorRole>().notNull(),
    channel: text('channel').$type<'telegram' | 'web_push'>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    adTemplateId: uuid('ad_template_id'),
  },
  (t) => [primaryKey({ columns: [t.event, t.recipientRole, t.channel] })],
);

export type LocationRow = typeof bookingLocations.$inferSelect;
export type ServiceRow = typeof bookingServices.$inferSelect;
export type SpecialistRow = typeof bookingSpecialists.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type ClientRow = typeof bookingClients.$inferSelect;
