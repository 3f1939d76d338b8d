-- Booking (seed 003): locations, services, specialists with weekly hours and date exceptions,
-- bookings that can never overlap for one specialist (an exclusion constraint, not a lock), their
-- audit trail, the notification matrix settings, ad footers, clients, and web-client login.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE booking_locations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- IANA zone: the slot grid and every time a client reads are in this zone
  timezone text NOT NULL,
  address text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE booking_services (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720 AND duration_minutes % 15 = 0),
  price_cents int CHECK (price_cents >= 0),
  buffer_before_minutes int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 240),
  buffer_after_minutes int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 240),
  min_notice_minutes int NOT NULL DEFAULT 60 CHECK (min_notice_minutes >= 0),
  max_days_ahead int NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 1 AND 366),
  -- 'below_notice': a booking made less than confirmation_notice_minutes ahead needs approval
  requires_confirmation text NOT NULL DEFAULT 'never'
    CHECK (requires_confirmation IN ('always', 'never', 'below_notice')),
  confirmation_notice_minutes int NOT NULL DEFAULT 1440,
  -- a client may cancel or reschedule until this long before the start
  cancel_cutoff_minutes int NOT NULL DEFAULT 120 CHECK (cancel_cutoff_minutes >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE booking_specialists (
  id uuid PRIMARY KEY,
  -- the person; they may not have written to the bot yet, so the Telegram id is the link
  telegram_id bigint NOT NULL UNIQUE,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE booking_specialist_services (
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES booking_services(id) ON DELETE CASCADE,
  PRIMARY KEY (specialist_id, service_id)
);

CREATE TABLE booking_specialist_locations (
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES booking_locations(id) ON DELETE CASCADE,
  PRIMARY KEY (specialist_id, location_id)
);

-- Weekly hours in the location's wall-clock time (minutes from midnight), breaks inside them.
CREATE TABLE booking_hours (
  id uuid PRIMARY KEY,
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES booking_locations(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute int NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute int NOT NULL CHECK (end_minute BETWEEN 0 AND 1440 AND end_minute > start_minute),
  breaks jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX booking_hours_specialist_idx ON booking_hours (specialist_id, location_id);

-- A day off (no hours that date) or extra hours on a date, per specialist and location.
CREATE TABLE booking_exceptions (
  id uuid PRIMARY KEY,
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES booking_locations(id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('day_off', 'extra')),
  start_minute int,
  end_minute int,
  CHECK (kind = 'day_off' OR (start_minute IS NOT NULL AND end_minute > start_minute))
);
CREATE INDEX booking_exceptions_day_idx ON booking_exceptions (specialist_id, location_id, day);

CREATE TABLE booking_clients (
  id uuid PRIMARY KEY,
  -- a Telegram person, or a web client known by phone or e-mail (then notified by Web Push)
  user_id uuid UNIQUE REFERENCES users(id) ON DELETE SET NULL,
  identity text UNIQUE,
  name text NOT NULL,
  language text NOT NULL DEFAULT 'en',
  no_show_count int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bookings (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES booking_services(id),
  location_id uuid NOT NULL REFERENCES booking_locations(id),
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id),
  client_id uuid NOT NULL REFERENCES booking_clients(id),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL CHECK (end_at > start_at),
  -- the time the specialist is taken: the visit plus the service's buffers
  blocked_from timestamptz NOT NULL,
  blocked_to timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'done', 'cancelled', 'no_show')),
  created_by text NOT NULL CHECK (created_by IN ('client', 'specialist', 'admin')),
  cancel_reason text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- No double booking, ever: the database rejects an overlap (SQLSTATE 23P01); adjacent is fine.
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    specialist_id WITH =,
    tstzrange(blocked_from, blocked_to, '[)') WITH &&
  ) WHERE (status <> 'cancelled')
);
CREATE INDEX bookings_client_idx ON bookings (client_id, start_at);
CREATE INDEX bookings_start_idx ON bookings (start_at);

-- The audit trail a dispute needs: every change with its initiator.
CREATE TABLE booking_events (
  id uuid PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  initiator_role text NOT NULL CHECK (initiator_role IN ('client', 'specialist', 'admin', 'system')),
  initiator_user_id uuid,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX booking_events_booking_idx ON booking_events (booking_id, at);

CREATE TABLE booking_ad_templates (
  id uuid PRIMARY KEY,
  text text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The matrix switchboard: a missing row means "on, no ad".
CREATE TABLE booking_notification_settings (
  event text NOT NULL,
  recipient_role text NOT NULL CHECK (recipient_role IN ('client', 'specialist', 'admin')),
  channel text NOT NULL CHECK (channel IN ('telegram', 'web_push')),
  enabled boolean NOT NULL DEFAULT true,
  ad_template_id uuid REFERENCES booking_ad_templates(id) ON DELETE SET NULL,
  PRIMARY KEY (event, recipient_role, channel)
);

-- Web clients: one-time codes (only their hash is kept) and Web Push subscriptions.
CREATE TABLE booking_login_codes (
  id uuid PRIMARY KEY,
  identity text NOT NULL,
  code_hash text NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_login_codes_identity_idx ON booking_login_codes (identity, created_at);

CREATE TABLE booking_push_subscriptions (
  endpoint text PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES booking_clients(id) ON DELETE CASCADE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
