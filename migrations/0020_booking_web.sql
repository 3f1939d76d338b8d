-- Web clients (booking without Telegram): codes remember the address that asked for them, so one
-- address cannot ask for codes for many identities (per-IP limit across processes).
ALTER TABLE booking_login_codes ADD COLUMN requested_ip text;
CREATE INDEX booking_login_codes_ip_idx ON booking_login_codes (requested_ip, created_at);
