-- Insights: one private calendar-feed token per user. The feed URL carries the token as its only
-- credential, so it is looked up by its SHA-256 (token_hash); a sealed copy (token) lets /calendar
-- show the same link again without turning the database into a list of working URLs.
-- Resetting replaces the row: the old token's hash is gone and its URL answers 404.
CREATE TABLE insights_calendar_feeds (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN insights_calendar_feeds.token IS 'secretary:encrypted';
