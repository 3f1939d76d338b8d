-- Insights: read-only views over what tasks, courses and reminders own (insights reads these
-- shapes, never the tables, so the owners may change their tables behind a stable view), the
-- indexes per-period figures need.

CREATE INDEX tasks_user_created_idx ON tasks (user_id, created_at);
CREATE INDEX tasks_user_completed_idx ON tasks (user_id, completed_at) WHERE completed_at IS NOT NULL;

CREATE VIEW task_facts AS
  SELECT id, user_id, title, status, created_at, due_at, completed_at, course_id
    FROM tasks;

CREATE VIEW reminder_occurrence_facts AS
  SELECT id, reminder_id, user_id, status, due_at, fire_at, acted_at
    FROM reminder_occurrences;

CREATE VIEW course_topic_facts AS
  SELECT c.id AS course_id, c.user_id, c.name AS course_name, c.created_at AS course_created_at,
         t.id AS topic_id, t.status AS topic_status, t.updated_at AS topic_updated_at
    FROM courses c
    LEFT JOIN course_topics t ON t.course_id = c.id;
