-- Foundation: identities and the audit trail. Append-only: never edit an applied migration,
-- add a new file instead (the runner refuses a changed checksum).
CREATE TABLE users (
  id uuid PRIMARY KEY,
  telegram_id bigint UNIQUE,
  first_name text NOT NULL,
  last_name text,
  username text,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('ru', 'en')),
  timezone text NOT NULL DEFAULT 'UTC',
  roles text[] NOT NULL DEFAULT ARRAY['user']::text[]
    CHECK (roles <@ ARRAY['user', 'admin', 'specialist']::text[]),
  quiet_hours_start time,
  quiet_hours_end time,
  blocked_bot_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'cli', 'system')),
  action text NOT NULL,
  subject_type text,
  subject_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  trace_id text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at DESC);
