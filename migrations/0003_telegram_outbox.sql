-- Outgoing Telegram traffic.
--
-- telegram_rate_limits: one GCRA slot per limit key (`global`, `chat:<id>`, `group:<id>`), shared by
-- every process that talks to Telegram. `tat_ms` is the theoretical arrival time of the next send
-- (epoch milliseconds); `paused_until_ms` is set from a 429's retry_after so that every process
-- backs off, and survives restarts. Rows are tiny; idle ones are pruned by the client.
CREATE TABLE telegram_rate_limits (
  key text PRIMARY KEY,
  tat_ms double precision NOT NULL DEFAULT 0,
  paused_until_ms double precision NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telegram_rate_limits_updated_idx ON telegram_rate_limits (updated_at);

-- Notifications already delivered, by the caller's dedupe key: a key found here is not sent again.
-- Written after Telegram accepted the message, so a crash between the send and this insert can
-- still deliver one duplicate (Telegram sends have no idempotency key).
CREATE TABLE telegram_deliveries (
  dedupe_key text PRIMARY KEY,
  chat_id bigint NOT NULL,
  message_id bigint NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telegram_deliveries_sent_at_idx ON telegram_deliveries (sent_at);
