-- Reminders: a series (one-off or RRULE in the user's wall-clock time), its occurrences (only the
-- next one of a series is materialized, plus snoozed or sent ones awaiting done/skip) each with the
-- id of the pg-boss job that fires it, and the per-user morning digest with its pending job.
CREATE TABLE reminders (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text text NOT NULL,
  -- RFC 5545 RRULE without DTSTART, in local wall-clock time of `timezone`; null for a one-off
  rrule text,
  timezone text NOT NULL,
  -- DTSTART of the series (the one-off's due time)
  starts_at timestamptz NOT NULL,
  urgent boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
  -- the occurrence that carries the series on (null when paused or ended)
  current_occurrence_id uuid,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reminders_user_idx ON reminders (user_id, id);

CREATE TABLE reminder_occurrences (
  id uuid PRIMARY KEY,
  reminder_id uuid NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- when the series says it is due
  due_at timestamptz NOT NULL,
  -- when its job runs: later than due_at once snoozed or deferred by quiet hours
  fire_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled'
    CHECK (status IN ('scheduled', 'sent', 'done', 'skipped', 'cancelled')),
  -- the only job allowed to fire it; a job with another id is stale
  job_id uuid,
  -- how many times it was sent; buttons carry it, so those of an earlier send go stale
  sends int NOT NULL DEFAULT 0,
  sent_at timestamptz,
  acted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reminder_occurrences_series_idx ON reminder_occurrences (reminder_id, due_at)
  WHERE status <> 'cancelled';
CREATE INDEX reminder_occurrences_user_fire_idx ON reminder_occurrences (user_id, fire_at);
CREATE INDEX reminder_occurrences_user_due_idx ON reminder_occurrences (user_id, due_at);

CREATE TABLE reminder_digests (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  -- "HH:MM" in the user's timezone
  local_time text NOT NULL,
  next_at timestamptz NOT NULL,
  job_id uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
