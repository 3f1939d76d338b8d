-- Insights: when a user's weekly report goes out (local ISO weekday 1–7 and "HH:MM"). Whether it is
-- on is the platform schedule (user_schedules 'insights.weekly'); this row keeps the chosen day and
-- time while it is off, so switching it back on restores them. No row = Sunday 19:00.
CREATE TABLE insights_weekly_reports (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
