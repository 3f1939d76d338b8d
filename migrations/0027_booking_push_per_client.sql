-- Web Push subscriptions are read per client (every notice fans out to a client's browsers, every
-- subscribe keeps only the newest MAX_PUSH_SUBSCRIPTIONS): an index instead of a scan of all
-- clients' subscriptions. created_at now means "last subscribed" (a re-subscribe renews it).
CREATE INDEX booking_push_subscriptions_client_idx ON booking_push_subscriptions (client_id, created_at);
