-- Issue 29, Medium 3: plaintext twins of encrypted text. The raw Telegram update (kept 14 days,
-- the person's message inside), the reply log's results (replies echo titles) and the smart
-- inbox's drafts (the line as typed and what was read from it) are sealed at rest like the text
-- they copy. The values become text: the app seals JSON before writing it (encryptedJson), and the
-- start seals the rows already stored (marked columns). No SQL reads into these values.
ALTER TABLE telegram_updates ALTER COLUMN payload TYPE text USING payload::text;
ALTER TABLE update_replies ALTER COLUMN result TYPE text USING result::text;
ALTER TABLE inbox_drafts ALTER COLUMN parsed TYPE text USING parsed::text;

COMMENT ON COLUMN telegram_updates.payload IS 'secretary:encrypted';
COMMENT ON COLUMN update_replies.result IS 'secretary:encrypted';
COMMENT ON COLUMN inbox_drafts.source_text IS 'secretary:encrypted';
COMMENT ON COLUMN inbox_drafts.parsed IS 'secretary:encrypted';

-- A resolved draft is deleted (its card's buttons then answer "stale", as for a resolved one);
-- the ones left over from before are removed here, and pending ones expire (smart-inbox prune job).
DELETE FROM inbox_drafts WHERE status <> 'pending';
