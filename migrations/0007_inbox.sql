-- Smart inbox: what the bot understood from a free-text message, waiting for the person to confirm.
CREATE TABLE inbox_drafts (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  chat_id bigint NOT NULL,
  message_id bigint,
  source_text text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('task', 'reminder')),
  parsed jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'saved', 'cancelled')),
  saved_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_drafts_user_idx ON inbox_drafts (user_id, created_at DESC);
