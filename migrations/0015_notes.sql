-- Notes (SPEC 2.3): topics per user (one Inbox each), notes filed into them or waiting as a
-- pending confirmation, corrections kept as examples, per-user notes settings and the connected
-- forum supergroup. Note bodies, transcripts, sources, link URLs and correction examples are
-- encrypted at rest (the encryptedText column); search therefore never runs SQL over them (see
-- the README: notes search).
CREATE TABLE note_topics (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  keywords text[] NOT NULL DEFAULT '{}',
  emoji text,
  is_inbox boolean NOT NULL DEFAULT false,
  thread_id bigint,
  closed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX note_topics_user_name_idx ON note_topics (user_id, lower(name));
CREATE UNIQUE INDEX note_topics_user_inbox_idx ON note_topics (user_id) WHERE is_inbox;

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  topic_id uuid REFERENCES note_topics (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('filed', 'pending')),
  kind text NOT NULL CHECK (kind IN ('text', 'voice', 'audio', 'link', 'photo', 'document', 'forward')),
  body text NOT NULL,
  transcript text,
  source text,
  link_url text,
  link_title text,
  link_description text,
  link_site text,
  file_ids text[] NOT NULL DEFAULT '{}',
  confidence real NOT NULL DEFAULT 0,
  alternatives jsonb NOT NULL DEFAULT '[]',
  chat_id bigint,
  message_id bigint,
  card_message_id bigint,
  forum_message_id bigint,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_user_idx ON notes (user_id, created_at DESC);
CREATE INDEX notes_pending_idx ON notes (expires_at) WHERE status = 'pending';
CREATE INDEX notes_message_idx ON notes (user_id, chat_id, message_id);

-- A Move or a choice on a pending card: the note's text becomes an example for that topic.
CREATE TABLE note_corrections (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  note_id uuid REFERENCES notes (id) ON DELETE SET NULL,
  topic_id uuid NOT NULL REFERENCES note_topics (id) ON DELETE CASCADE,
  example text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX note_corrections_user_idx ON note_corrections (user_id, created_at DESC);

-- Settings the platform's setting kinds cannot hold (a topic reference, a free template).
CREATE TABLE note_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  default_topic_id uuid REFERENCES note_topics (id) ON DELETE SET NULL,
  template text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE note_forums (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  chat_id bigint NOT NULL UNIQUE,
  title text,
  connected_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN notes.body IS 'secretary:encrypted';
COMMENT ON COLUMN notes.transcript IS 'secretary:encrypted';
COMMENT ON COLUMN notes.source IS 'secretary:encrypted';
COMMENT ON COLUMN notes.link_url IS 'secretary:encrypted';
COMMENT ON COLUMN note_corrections.example IS 'secretary:encrypted';
