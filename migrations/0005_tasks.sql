-- Tasks and study: categories, courses with ordered topics, tasks, per-user deadline-notification
-- settings and the pending deadline jobs (kept so a change of the task can cancel them in its own
-- transaction, and so a job that fires can tell whether it is still the current one).
CREATE TABLE task_categories (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX task_categories_user_name_idx ON task_categories (user_id, lower(name));

CREATE TABLE courses (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX courses_user_name_idx ON courses (user_id, lower(name));

CREATE TABLE course_topics (
  id uuid PRIMARY KEY,
  course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title text NOT NULL,
  position int NOT NULL,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'learned')),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX course_topics_course_idx ON course_topics (course_id, position);

CREATE TABLE tasks (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  due_at timestamptz,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
  category_id uuid REFERENCES task_categories(id) ON DELETE SET NULL,
  course_id uuid REFERENCES courses(id) ON DELETE SET NULL,
  topic_id uuid REFERENCES course_topics(id) ON DELETE SET NULL,
  -- bumped on every change: buttons carry it, so a button of an older state of the task goes stale
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX tasks_user_due_idx ON tasks (user_id, due_at, id);
CREATE INDEX tasks_user_status_idx ON tasks (user_id, status);

CREATE TABLE task_settings (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  -- minutes before the deadline at which to notify
  deadline_offsets int[] NOT NULL DEFAULT ARRAY[1440, 60],
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE task_deadline_jobs (
  task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  offset_minutes int NOT NULL,
  job_id uuid NOT NULL UNIQUE,
  notify_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, offset_minutes)
);
