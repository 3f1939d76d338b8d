-- Security hardening: token revocation, single-use Mini App initData, and which text is encrypted.

-- Every API token carries the user's token_version; "sign out everywhere" bumps it, so all older
-- tokens stop working at once (checked on each request together with the roles).
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- One token signed out (POST /api/v1/auth/logout): its id until it would have expired anyway.
CREATE TABLE auth_revoked_tokens (
  jti text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX auth_revoked_tokens_expires_idx ON auth_revoked_tokens (expires_at);

-- Mini App initData is exchanged for a token once: its hash is kept until the initData is too old
-- to be accepted anyway.
CREATE TABLE auth_init_data_uses (
  hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX auth_init_data_uses_expires_idx ON auth_init_data_uses (expires_at);

-- Columns holding text people write are encrypted at rest (AES-256-GCM, "enc1:<key id>:…").
-- The platform finds them by this comment: it encrypts old plaintext rows at start and re-encrypts
-- them on key rotation. A capability marks its own columns the same way in its own migration.
COMMENT ON COLUMN tasks.title IS 'secretary:encrypted';
COMMENT ON COLUMN tasks.description IS 'secretary:encrypted';
COMMENT ON COLUMN course_topics.title IS 'secretary:encrypted';
COMMENT ON COLUMN courses.description IS 'secretary:encrypted';
COMMENT ON COLUMN reminders.text IS 'secretary:encrypted';
