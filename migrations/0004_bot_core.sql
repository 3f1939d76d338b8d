-- Bot core: the durable inbox of Telegram updates, replies already sent per update (so a re-run of a
-- crashed update sends nothing twice), persisted flows, live menus, per-user settings and flood control.
CREATE TABLE telegram_updates (
  update_id bigint PRIMARY KEY,
  chat_id bigint,
  from_id bigint,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'ignored')),
  attempts int NOT NULL DEFAULT 0,
  processed_at timestamptz,
  error text,
  trace_id text
);
CREATE INDEX telegram_updates_processed_idx ON telegram_updates (processed_at) WHERE status <> 'pending';

CREATE TABLE update_replies (
  update_id bigint NOT NULL,
  seq int NOT NULL,
  method text NOT NULL,
  -- null while the call is in flight: a row left like that by a crash marks an ambiguous send
  result jsonb,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (update_id, seq)
);

CREATE TABLE bot_flows (
  chat_id bigint NOT NULL,
  user_id bigint NOT NULL,
  flow text NOT NULL,
  step text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  prompt_message_id bigint,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (chat_id, user_id)
);

CREATE TABLE bot_menus (
  chat_id bigint PRIMARY KEY,
  message_id bigint NOT NULL,
  nonce text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE flood_control (
  telegram_id bigint PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count int NOT NULL,
  muted_until timestamptz
);

ALTER TABLE users
  ADD COLUMN notifications_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN timezone_confirmed boolean NOT NULL DEFAULT false,
  ADD COLUMN onboarded_at timestamptz;
