-- AI accounting: tokens and estimated cost per user per (user-local) day, for the daily cap.
-- user_id is NULL for work done on nobody's behalf (system jobs); NULLS NOT DISTINCT keeps that
-- to one row per day too.
CREATE TABLE ai_usage (
  id uuid PRIMARY KEY,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  day date NOT NULL,
  requests integer NOT NULL DEFAULT 0 CHECK (requests >= 0),
  input_tokens bigint NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
  output_tokens bigint NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
  cost_micro_usd bigint NOT NULL DEFAULT 0 CHECK (cost_micro_usd >= 0),
  cap_notified_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ai_usage_user_day_key UNIQUE NULLS NOT DISTINCT (user_id, day)
);
CREATE INDEX ai_usage_day_idx ON ai_usage (day);
