-- One-time links that make whoever opens them a specialist (issue 37, item 10): an admin makes one,
-- the person opens t.me/<bot>?start=spi_<token>. Only the token's SHA-256 is kept; a link works once
-- and until it expires. The name the admin typed is sealed at rest.
CREATE TABLE booking_specialist_invites (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  -- Which services and locations they get; NULL: every one there is when they accept.
  service_ids uuid[],
  location_ids uuid[],
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  specialist_id uuid REFERENCES booking_specialists(id) ON DELETE SET NULL
);

COMMENT ON COLUMN booking_specialist_invites.name IS 'secretary:encrypted';
