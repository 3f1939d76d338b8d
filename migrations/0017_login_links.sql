-- One-time sign-in links for the Mini App outside Telegram (`/web` in the bot): only the SHA-256 of
-- the token is kept; a link works once, until expires_at (10 minutes after it was sent).
CREATE TABLE auth_login_links (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX auth_login_links_expires_idx ON auth_login_links (expires_at);
