-- Platform v2: values of settings capabilities contribute (one row per user and key; a missing row
-- means the setting's default), and per-user local-time schedules (digest, weekly report,
-- check-ins) with the id of the one pending job that fires each.
CREATE TABLE user_settings (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE user_schedules (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- "HH:MM" in the user's timezone (read at each firing, so a move follows)
  local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  -- ISO weekdays 1 (Monday) … 7 (Sunday); empty means every day
  weekdays smallint[] NOT NULL DEFAULT '{}',
  next_at timestamptz NOT NULL,
  job_id uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, name)
);

-- Roles are declared by capabilities now (booking's specialist, an example's curator): the
-- database no longer lists them; the application checks a granted role is declared.
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_named
  CHECK (array_position(roles, NULL) IS NULL AND 'user' = ANY (roles));

-- Smart-inbox drafts file into targets capabilities contribute (task, reminder, note, booking…).
ALTER TABLE inbox_drafts DROP CONSTRAINT inbox_drafts_kind_check;
ALTER TABLE inbox_drafts ADD CONSTRAINT inbox_drafts_kind_named CHECK (kind ~ '^[a-z][a-z0-9-]{0,31}$');
