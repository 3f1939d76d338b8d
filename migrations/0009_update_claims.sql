-- Who is handling a stored update right now, and until when that claim holds. A worker refreshes
-- its claims every half second; a claim that lapses means the worker died, and any process frees
-- the update's job at once instead of waiting for pg-boss's heartbeat supervision (10 s + 10 s).
ALTER TABLE telegram_updates ADD COLUMN claimed_by text;
ALTER TABLE telegram_updates ADD COLUMN claim_job_id uuid;
ALTER TABLE telegram_updates ADD COLUMN claim_expires_at timestamptz;
-- Handler failures (not deferrals for 429s or outages): an update is parked after a few.
ALTER TABLE telegram_updates ADD COLUMN failures integer NOT NULL DEFAULT 0;
CREATE INDEX telegram_updates_claims_idx ON telegram_updates (claim_expires_at) WHERE status = 'pending';
