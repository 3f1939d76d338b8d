import type { Tx } from '../../platform/db/database.ts';
import type { Priority, TaskStatus, TopicStatus } from './task-tables.ts';

export type { Priority, TaskStatus, TopicStatus } from './task-tables.ts';

export interface Task {
  id: string;
  userId: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  priority: Priority;
  status: TaskStatus;
  categoryId: string | null;
  courseId: string | null;
  topicId: string | null;
  /** Bumped on every change; bot buttons carry it so that buttons of an older state go stale. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface TaskInput {
  title: string;
  description?: string | null;
  dueAt?: Date | null;
  priority?: Priority;
  status?: TaskStatus;
  categoryId?: string | null;
  /** A category NAME: the user's category with this name (case-insensitive) is reused or created. */
  category?: string | null;
  courseId?: string | null;
  /** A course NAME: reused (case-insensitive) or created. */
  course?: string | null;
  topicId?: string | null;
}

export type TaskPatch = Partial<Omit<TaskInput, 'category' | 'course'>> & {
  /** Optimistic check: the change applies only if the task is still at this version. */
  expectVersion?: number;
};

export type TaskView = 'today' | 'upcoming' | 'overdue' | 'done';

export interface TaskFilter {
  view?: TaskView;
  status?: TaskStatus[];
  dueFrom?: Date;
  dueTo?: Date;
  categoryId?: string;
  courseId?: string;
  topicId?: string;
  /** Page size, 1..100 (default 20). */
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  /** Skip this many (bot pages); ignored when a cursor is given. */
  offset?: number;
}

export interface TaskPage {
  items: Task[];
  nextCursor: string | null;
  total: number;
}

export interface Category {
  id: string;
  name: string;
  createdAt: Date;
}

export interface Topic {
  id: string;
  courseId: string;
  title: string;
  position: number;
  status: TopicStatus;
  version: number;
}

export interface Course {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  /** Topics in order. */
  topics: Topic[];
  progress: { learned: number; inProgress: number; total: number; percent: number };
}

export interface WriteOptions {
  /** Run inside the caller's transaction (e.g. the smart inbox saving several things at once). */
  tx?: Tx;
}

/** What the tasks capability offers the rest of the system. Every call is scoped to `userId`. */
export interface TaskService {
  create(userId: string, input: TaskInput, options?: WriteOptions): Promise<Task>;
  /** Null when there is no such task of this user. */
  get(userId: string, id: string): Promise<Task | null>;
  list(userId: string, filter?: TaskFilter): Promise<TaskPage>;
  /** Throws DomainError not_found / conflict (stale expectVersion) / invalid. */
  update(userId: string, id: string, patch: TaskPatch, options?: WriteOptions): Promise<Task>;
  complete(userId: string, id: string, options?: WriteOptions & { expectVersion?: number }): Promise<Task>;
  remove(userId: string, id: string, options?: WriteOptions & { expectVersion?: number }): Promise<void>;
  /** Open tasks due in [from, to), by deadline (the morning digest). */
  listDueBetween(userId: string, from: Date, to: Date): Promise<Task[]>;
  /** Minutes before a deadline at which the user is notified. */
  getSettings(userId: string): Promise<{ deadlineOffsets: number[] }>;
  /** Replaces the offsets and reschedules every open task's notifications. */
  updateSettings(
    userId: string,
    settings: { deadlineOffsets: number[] },
  ): Promise<{ deadlineOffsets: number[] }>;
  courses: CourseService;
}

export interface CourseService {
  listCategories(userId: string): Promise<Category[]>;
  createCategory(userId: string, name: string): Promise<Category>;
  renameCategory(userId: string, id: string, name: string): Promise<Category>;
  removeCategory(userId: string, id: string): Promise<void>;
  list(userId: string): Promise<Course[]>;
  get(userId: string, id: string): Promise<Course | null>;
  create(
    userId: string,
    input: { name: string; description?: string | null; topics?: string[] },
  ): Promise<Course>;
  /** The user's course with this name (case-insensitive), created if missing. */
  ensure(userId: string, name: string, options?: WriteOptions): Promise<Course>;
  update(userId: string, id: string, patch: { name?: string; description?: string | null }): Promise<Course>;
  remove(userId: string, id: string): Promise<void>;
  addTopic(userId: string, courseId: string, title: string, position?: number): Promise<Topic>;
  updateTopic(
    userId: string,
    courseId: string,
    topicId: string,
    patch: { title?: string; status?: TopicStatus; position?: number; expectVersion?: number },
  ): Promise<Topic>;
  removeTopic(userId: string, courseId: string, topicId: string): Promise<void>;
  /** A topic of the user with its course id, or null. */
  findTopic(userId: string, topicId: string): Promise<Topic | null>;
}
