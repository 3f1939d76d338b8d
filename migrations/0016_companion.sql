-- Companion (issue 15, SPEC 2.5): conversation, activity, profile and journey stage, proactive
-- check-ins with their decision log, broadcasts. Conversation text is plain here; it moves to the
-- encrypted column type when that lands (see conversation-store.ts).

CREATE TABLE companion_messages (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX companion_messages_user_idx ON companion_messages (user_id, created_at, id);
CREATE INDEX companion_messages_created_idx ON companion_messages (created_at);

-- One rolling summary of the conversation older than the kept history.
CREATE TABLE companion_summaries (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  text text NOT NULL,
  summarised_until timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE companion_activity (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);
CREATE INDEX companion_activity_user_idx ON companion_activity (user_id, at);
CREATE INDEX companion_activity_at_idx ON companion_activity (at);

CREATE TABLE companion_profiles (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  summary text NOT NULL DEFAULT '',
  interests text[] NOT NULL DEFAULT '{}',
  goals text[] NOT NULL DEFAULT '{}',
  preferred_times text NOT NULL DEFAULT '',
  stage text NOT NULL DEFAULT 'newcomer',
  stage_changed_at timestamptz,
  -- The user's own edit wins over the nightly refresh until they erase it.
  edited_by_user boolean NOT NULL DEFAULT false,
  -- The "check-ins" setting (opt-out of proactive messages); kept when the profile is erased.
  checkins_enabled boolean NOT NULL DEFAULT true,
  refreshed_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX companion_profiles_stage_idx ON companion_profiles (stage);

-- Every proactive decision: sent or skipped, and why. The admin reads it; the gate counts from it.
CREATE TABLE companion_proactive_log (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  trig text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('sent', 'skipped')),
  reason text NOT NULL,
  local_date date NOT NULL,
  text text,
  at timestamptz NOT NULL
);
CREATE INDEX companion_proactive_user_idx ON companion_proactive_log (user_id, at);

CREATE TABLE companion_broadcasts (
  id uuid PRIMARY KEY,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  text text NOT NULL,
  buttons jsonb NOT NULL DEFAULT '[]',
  segment jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'done', 'cancelled')),
  total integer NOT NULL DEFAULT 0,
  sent integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  blocked integer NOT NULL DEFAULT 0,
  progress_chat_id bigint,
  progress_message_id integer,
  progress_edited_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE companion_broadcast_recipients (
  broadcast_id uuid NOT NULL REFERENCES companion_broadcasts(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  chat_id bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'blocked')),
  error text,
  done_at timestamptz,
  PRIMARY KEY (broadcast_id, user_id)
);
CREATE INDEX companion_broadcast_pending_idx ON companion_broadcast_recipients (broadcast_id, state);

-- Text people wrote (or that quotes it): sealed at rest once the encrypted column type is merged
-- (the platform seals marked columns of tables with an `id` key; the mark is inert before that).
COMMENT ON COLUMN companion_messages.text IS 'secretary:encrypted';
COMMENT ON COLUMN companion_summaries.text IS 'secretary:encrypted';
COMMENT ON COLUMN companion_proactive_log.text IS 'secretary:encrypted';
