-- Issue 30, seed 004: the journey judged by the model (stage, progress 0–100 and its reason), the
-- recommendations catalogue, persona and proactivity limits set by admins, engagement figures.

-- The reason is the model's text about the person: sealed at rest like the rest of the profile.
ALTER TABLE companion_profiles
  ADD COLUMN progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  ADD COLUMN progress_reason text NOT NULL DEFAULT '',
  ADD COLUMN stage_source text NOT NULL DEFAULT 'rules' CHECK (stage_source IN ('model', 'rules'));
COMMENT ON COLUMN companion_profiles.progress_reason IS 'secretary:encrypted';

-- Each refresh's reading, for "people per stage" by week (the profile row keeps only the latest).
CREATE TABLE companion_stage_history (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  stage text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX companion_stage_history_user_idx ON companion_stage_history (user_id, at);

-- A check-in is answered when the person writes to the companion or presses one of its buttons
-- within 24 hours of it (marked on the check-in's row at that moment).
ALTER TABLE companion_proactive_log ADD COLUMN answered_at timestamptz;
CREATE INDEX companion_proactive_log_at_idx ON companion_proactive_log (at);

-- Each time someone switched check-ins off (a button under a check-in or the setting).
CREATE TABLE companion_opt_outs (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at timestamptz NOT NULL
);
CREATE INDEX companion_opt_outs_at_idx ON companion_opt_outs (at);

-- One row: the persona and the proactivity limits (absent = the defaults in code).
CREATE TABLE companion_settings (
  id smallint PRIMARY KEY CHECK (id = 1),
  persona_name text NOT NULL,
  persona_tone text NOT NULL,
  per_day integer NOT NULL CHECK (per_day BETWEEN 0 AND 2),
  window_start text NOT NULL,
  window_end text NOT NULL,
  -- Per trigger: {"inactivity": 48, "deadline": 20, "streak": 20, "stage": 24} (one number in
  -- the API sets them all alike).
  cooldown_hours jsonb NOT NULL,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);
COMMENT ON COLUMN companion_settings.persona_name IS 'secretary:encrypted';
COMMENT ON COLUMN companion_settings.persona_tone IS 'secretary:encrypted';

CREATE TABLE companion_recommendations (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  url text NOT NULL,
  stages jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
COMMENT ON COLUMN companion_recommendations.title IS 'secretary:encrypted';
COMMENT ON COLUMN companion_recommendations.url IS 'secretary:encrypted';

-- Which person got which recommendation, when: never the same one twice.
CREATE TABLE companion_recommendation_sends (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  recommendation_id uuid NOT NULL REFERENCES companion_recommendations(id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, recommendation_id)
);
