-- Insights: read-only views over what notes and booking own (as 0018 did for tasks, reminders and
-- courses): notes filed per topic, and the bookings a person made as a client.

CREATE VIEW note_facts AS
  SELECT n.id, n.user_id, n.status, n.created_at, n.topic_id, t.name AS topic_name, t.is_inbox
    FROM notes n
    LEFT JOIN note_topics t ON t.id = n.topic_id;

CREATE VIEW booking_client_facts AS
  SELECT b.id, c.user_id, b.status, b.start_at, b.end_at
    FROM bookings b
    JOIN booking_clients c ON c.id = b.client_id
   WHERE c.user_id IS NOT NULL;
-- (bookings_client_idx on (client_id, start_at) and notes_user_idx on (user_id, created_at) exist.)
