-- Issue 29, Medium 3: plaintext twins of encrypted text. The raw Telegram update (kept 14 days,
-- the person's message inside), the reply log's results (replies echo titles), the smart inbox's
-- drafts (the line as typed and what was read from it), half-finished bot conversations and the
-- companion's profile are sealed at rest like the text they copy. JSON values become text: the app
-- seals JSON before writing it (encryptedJson), and the start seals the rows already stored (marked
-- columns). No SQL reads into these values.
ALTER TABLE telegram_updates ALTER COLUMN payload TYPE text USING payload::text;
ALTER TABLE update_replies ALTER COLUMN result TYPE text USING result::text;
ALTER TABLE inbox_drafts ALTER COLUMN parsed TYPE text USING parsed::text;

COMMENT ON COLUMN telegram_updates.payload IS 'secretary:encrypted';
COMMENT ON COLUMN update_replies.result IS 'secretary:encrypted';
COMMENT ON COLUMN inbox_drafts.source_text IS 'secretary:encrypted';
COMMENT ON COLUMN inbox_drafts.parsed IS 'secretary:encrypted';

-- A conversation the bot is in the middle of (a new task's title and description, a reminder's
-- text) until its last step, or for ever when the person walks away from it.
ALTER TABLE bot_flows
  ALTER COLUMN data DROP DEFAULT,
  ALTER COLUMN data TYPE text USING data::text,
  ALTER COLUMN data SET DEFAULT '{}';
COMMENT ON COLUMN bot_flows.data IS 'secretary:encrypted';

-- The companion's profile: the person's own words about themselves (/profile edit) or what the
-- model gathered from the conversation. Lists become sealed JSON arrays.
ALTER TABLE companion_profiles
  ALTER COLUMN interests DROP DEFAULT,
  ALTER COLUMN interests TYPE text USING to_json(interests)::text,
  ALTER COLUMN interests SET DEFAULT '[]',
  ALTER COLUMN goals DROP DEFAULT,
  ALTER COLUMN goals TYPE text USING to_json(goals)::text,
  ALTER COLUMN goals SET DEFAULT '[]';
COMMENT ON COLUMN companion_profiles.summary IS 'secretary:encrypted';
COMMENT ON COLUMN companion_profiles.interests IS 'secretary:encrypted';
COMMENT ON COLUMN companion_profiles.goals IS 'secretary:encrypted';

-- A resolved draft is deleted (its card's buttons then answer "stale", as for a resolved one);
-- the ones left over from before are removed here, and pending ones expire (smart-inbox prune job).
DELETE FROM inbox_drafts WHERE status <> 'pending';
