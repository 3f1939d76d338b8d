import { z } from '@hono/zod-openapi';
import { safeDateTime, safeText, safeZoneName } from '../../../platform/http/safe-input.ts';
import type { DigestSettings } from '../digest-service.ts';
import type { Occurrence, OccurrenceInWindow, Reminder } from '../reminder-types.ts';

export const reminderSchema = z
  .object({
    id: z.uuid(),
    text: z.string(),
    rrule: z
      .string()
      .nullable()
      .openapi({ example: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30' }),
    timezone: z.string().openapi({ example: 'Europe/Moscow' }),
    starts_at: z.string().openapi({ description: 'First due moment (DTSTART of the series)' }),
    urgent: z.boolean(),
    status: z.enum(['active', 'paused', 'ended']),
    next_at: z.string().nullable().openapi({ description: 'When it is next due; null when paused or ended' }),
    snoozed_until: z.string().nullable().optional().openapi({
      description:
        'In lists: when an occurrence snoozed apart from the series (or held by quiet hours) fires',
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Reminder');

export const reminderPageSchema = z
  .object({ items: z.array(reminderSchema), next_cursor: z.string().nullable() })
  .openapi('ReminderPage');

const rrule = safeText({ min: 1, max: 500 }).nullable().openapi({
  description: 'RFC 5545 RRULE without DTSTART, in local wall-clock time of `timezone`; null for a one-off',
});

export const createReminderSchema = z
  .object({
    text: safeText({ min: 1, max: 1000 }),
    due_at: safeDateTime().nullable().optional().openapi({
      description: 'First due moment; required for a one-off',
      example: '2026-03-03T09:00:00+03:00',
    }),
    rrule: rrule.optional(),
    urgent: z.boolean().optional().openapi({ description: 'Urgent reminders ignore quiet hours' }),
    timezone: safeZoneName().optional().openapi({ description: "Defaults to the user's timezone" }),
  })
  .openapi('CreateReminder');

export const updateReminderSchema = createReminderSchema.partial().openapi('UpdateReminder');

export const occurrenceSchema = z
  .object({
    id: z.uuid(),
    reminder_id: z.uuid(),
    text: z.string(),
    due_at: z.string(),
    fire_at: z.string(),
    status: z.enum(['scheduled', 'sent', 'done', 'skipped', 'cancelled']),
  })
  .openapi('ReminderOccurrence');

export const windowItemSchema = z
  .object({
    reminder_id: z.uuid(),
    occurrence_id: z
      .uuid()
      .nullable()
      .openapi({ description: 'null for an occurrence still to come from the series' }),
    text: z.string(),
    at: z.string(),
    status: z.enum(['scheduled', 'sent', 'done', 'skipped', 'cancelled']),
  })
  .openapi('ReminderOccurrenceInWindow');

export const digestSchema = z
  .object({
    enabled: z.boolean(),
    time: z.string().nullable().openapi({ example: '08:00', description: 'User-local HH:MM' }),
    next_at: z.string().nullable(),
  })
  .openapi('ReminderDigest');

export const toReminderJson = (r: Reminder) => ({
  id: r.id,
  text: r.text,
  rrule: r.rrule,
  timezone: r.timezone,
  starts_at: r.startsAt.toISOString(),
  urgent: r.urgent,
  status: r.status,
  next_at: r.nextAt?.toISOString() ?? null,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

export const toOccurrenceJson = (o: Occurrence) => ({
  id: o.id,
  reminder_id: o.reminderId,
  text: o.text,
  due_at: o.dueAt.toISOString(),
  fire_at: o.fireAt.toISOString(),
  status: o.status,
});

export const toWindowJson = (o: OccurrenceInWindow) => ({
  reminder_id: o.reminderId,
  occurrence_id: o.occurrenceId,
  text: o.text,
  at: o.at.toISOString(),
  status: o.status,
});

export const toDigestJson = (d: DigestSettings) => ({
  enabled: d.enabled,
  time: d.time,
  next_at: d.nextAt?.toISOString() ?? null,
});
