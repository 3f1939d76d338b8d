-- Issue 31: the salon run from anywhere. Setup rows are edited and removed; one with future bookings
-- (or past bookings whose history must stay) is archived instead: hidden from new bookings, kept
-- for the bookings that name it.
ALTER TABLE booking_locations ADD COLUMN archived_at timestamptz;
ALTER TABLE booking_services ADD COLUMN archived_at timestamptz;
ALTER TABLE booking_specialists ADD COLUMN archived_at timestamptz;

-- Which specialist offers which service where, explicitly (issue 37 item 2). It replaces the cross
-- product of booking_specialist_services × booking_specialist_locations, which it starts from;
-- booking_specialist_locations still says where a specialist works (hours need it).
CREATE TABLE booking_assignments (
  specialist_id uuid NOT NULL REFERENCES booking_specialists(id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES booking_services(id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES booking_locations(id) ON DELETE CASCADE,
  PRIMARY KEY (specialist_id, service_id, location_id)
);
CREATE INDEX booking_assignments_offer_idx ON booking_assignments (service_id, location_id);
INSERT INTO booking_assignments (specialist_id, service_id, location_id)
  SELECT s.specialist_id, s.service_id, l.location_id
  FROM booking_specialist_services s
  JOIN booking_specialist_locations l ON l.specialist_id = s.specialist_id
  ON CONFLICT DO NOTHING;

-- The business's own settings: one row. Prices are in this currency (ISO 4217; null: not set yet,
-- prices then read as plain numbers).
CREATE TABLE booking_business (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A walk-in booked by staff: the name they gave, sealed (their phone goes to `identity`, sealed,
-- found again by `identity_hash` like a web client's, so a walk-in who later signs in on the web
-- is the same client).
ALTER TABLE booking_clients ADD COLUMN given_name text;
COMMENT ON COLUMN booking_clients.given_name IS 'secretary:encrypted';
