-- Web clients' phone numbers and e-mails are no longer stored in clear (issue 29, M3).
-- booking_clients keeps a keyed hash (HMAC under a subkey of ENCRYPTION_KEY) to find a client by
-- identity, and a sealed copy to show and send to. Hashing needs the key, so SQL cannot convert
-- the rows: the start-up reseal seals `identity` (marked below), and booking fills `identity_hash`
-- from the sealed copy before its first sign-in (src/capabilities/booking/web/identity-keys.ts).
ALTER TABLE booking_clients DROP CONSTRAINT booking_clients_identity_key;
ALTER TABLE booking_clients ADD COLUMN identity_hash text UNIQUE;
COMMENT ON COLUMN booking_clients.identity IS 'secretary:encrypted';

-- Login codes live 10 minutes: the rows holding an identity and an address in clear are dropped,
-- not converted (a code asked for just before the upgrade has to be asked for again).
DELETE FROM booking_login_codes;
DROP INDEX booking_login_codes_identity_idx;
DROP INDEX booking_login_codes_ip_idx;
ALTER TABLE booking_login_codes
  DROP COLUMN identity,
  DROP COLUMN requested_ip,
  ADD COLUMN identity_hash text NOT NULL,
  -- the requesting address (an IPv6 /64), keyed-hashed: enough to count, not to know who
  ADD COLUMN ip_hash text;
CREATE INDEX booking_login_codes_identity_idx ON booking_login_codes (identity_hash, created_at);
CREATE INDEX booking_login_codes_ip_idx ON booking_login_codes (ip_hash, created_at);
-- the prune job deletes by age
CREATE INDEX booking_login_codes_created_idx ON booking_login_codes (created_at);
