// The REST API under /api/v1 (the server's /openapi.json is the reference), with the bearer
// token the Mini App gets for its initData.

export type Language = 'ru' | 'en';

export interface User {
  id: string;
  first_name: string;
  language: Language;
  timezone: string;
  roles: string[];
}

export interface AdminUser extends User {
  telegram_id: number | null;
  username: string | null;
}

export interface QueueSummary {
  name: string;
  waiting: number;
  active: number;
  failed: number;
  dead: number;
}

export interface DeadJob {
  id: string;
  queue: string;
  payload: unknown;
  error: string | null;
  dead_since: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor_kind: 'user' | 'cli' | 'system';
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
}

export interface Broadcast {
  id: string;
  status: 'draft' | 'running' | 'paused' | 'done' | 'cancelled';
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  text: string;
  created_at: string;
}

/** One switch of the booking notification matrix: does `event` reach this role on this channel. */
export interface NoticeCell {
  event: string;
  recipient_role: 'client' | 'specialist' | 'admin';
  channel: 'telegram' | 'web_push';
  enabled: boolean;
  ad_template_id: string | null;
}

export interface Task {
  id: string;
  title: string;
  due_at: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: 'todo' | 'in_progress' | 'done' | 'cancelled';
  course_id: string | null;
  version: number;
}

export interface Topic {
  id: string;
  course_id: string;
  title: string;
  position: number;
  status: 'not_started' | 'in_progress' | 'learned';
  version: number;
}

/** A study course with its topics in order and how far along it is. */
export interface Course {
  id: string;
  name: string;
  description: string | null;
  topics: Topic[];
  progress: { learned: number; in_progress: number; total: number; percent: number };
}

export interface Reminder {
  id: string;
  text: string;
  rrule: string | null;
  timezone: string;
  starts_at: string;
  status: 'active' | 'paused' | 'ended';
  next_at: string | null;
}

/** A reminder's rule as the server reads and words it, with its next times. */
export interface RulePreview {
  rule: string;
  rrule: string | null;
  due_at: string;
  next: string[];
}

export interface Occurrence {
  reminder_id: string;
  text: string;
  at: string;
  status: 'scheduled' | 'sent' | 'done' | 'skipped' | 'cancelled';
}

export interface Parsed {
  intent: 'task' | 'reminder' | 'unknown';
  title: string;
  due_at: string | null;
  /** A day was said without a time ("today"): due_at then holds the parser's 09:00. */
  all_day: boolean;
  rrule: string | null;
  priority: Task['priority'];
  category: string | null;
  course: string | null;
}

/** A problem+json answer from the API, with its HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem's stable `code` (e.g. login_link_expired), when the server sent one. */
  readonly code: string | undefined;
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const TOKEN_KEY = 'secretary.token';

export interface Api {
  me(): Promise<User>;
  updateMe(patch: { language?: Language; timezone?: string }): Promise<User>;
  tasks(query: string): Promise<Task[]>;
  createTask(body: Record<string, unknown>): Promise<Task>;
  patchTask(id: string, body: Record<string, unknown>): Promise<Task>;
  parse(text: string): Promise<Parsed>;
  courses(): Promise<Course[]>;
  patchTopic(courseId: string, topicId: string, body: { status: Topic['status'] }): Promise<Topic>;
  reminders(): Promise<Reminder[]>;
  createReminder(body: Record<string, unknown>): Promise<Reminder>;
  reminderAction(id: string, action: 'pause' | 'resume'): Promise<Reminder>;
  deleteReminder(id: string): Promise<void>;
  /** The stored rule in words, what the edit box starts from. */
  reminderRule(id: string): Promise<RulePreview>;
  /** How a rule typed in words is understood (422 rule_not_understood otherwise). */
  rulePreview(text: string): Promise<RulePreview>;
  setReminderRule(id: string, text: string): Promise<Reminder>;
  occurrences(from: Date, to: Date): Promise<Occurrence[]>;
  /** The capabilities' pages this user may open (GET /app), in tab order. */
  appPages(): Promise<Array<{ id: string; capability: string }>>;
  /** Any API call with this session's token: a capability's pages bring their own calls. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  admin: AdminApi;
}

/** The admin pages' calls; the server answers 403 to anyone without the admin role. */
export interface AdminApi {
  queues(): Promise<QueueSummary[]>;
  deadJobs(queue: string): Promise<DeadJob[]>;
  retryDead(queue: string, id: string): Promise<void>;
  deleteDead(queue: string, id: string): Promise<void>;
  users(): Promise<AdminUser[]>;
  roles(): Promise<Array<{ name: string; description: string }>>;
  setRoles(id: string, roles: string[]): Promise<AdminUser>;
  audit(): Promise<AuditEntry[]>;
  broadcasts(): Promise<Broadcast[]>;
  broadcastAction(id: string, action: 'pause' | 'resume' | 'cancel'): Promise<Broadcast>;
  notices(): Promise<NoticeCell[]>;
  /** Switches one notice on or off; answers the whole matrix after the change. */
  setNotice(cell: Omit<NoticeCell, 'ad_template_id'>): Promise<NoticeCell[]>;
}

async function call<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as
    | (T & { detail?: string; title?: string; code?: string })
    | null;
  if (!response.ok)
    throw new ApiError(response.status, data?.detail ?? data?.title ?? response.statusText, data?.code);
  return data as T;
}

/**
 * Signs in with initData (good for one exchange, so the token is kept for this tab, keyed by the
 * initData it came from) and returns the API bound to that token.
 */
export async function signIn(initData: string): Promise<{ api: Api; user: User }> {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as {
    initData: string;
    token: string;
  } | null;
  let token: string;
  if (stored?.initData === initData) token = stored.token;
  else {
    const login = await call<{ token: string }>(null, 'POST', '/auth/webapp', { init_data: initData });
    token = login.token;
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ initData, token }));
  }
  return bind(token);
}

const LINK_KEY = 'secretary.linkToken';

/**
 * Outside Telegram: exchanges a one-time `/web` link token for a bearer token (kept for this tab,
 * so a reload stays signed in), or resumes the tab's earlier link session. Null without either.
 */
export async function signInWithLink(loginToken: string | null): Promise<{ api: Api; user: User } | null> {
  if (loginToken) {
    const login = await call<{ token: string }>(null, 'POST', '/auth/link', { token: loginToken });
    sessionStorage.setItem(LINK_KEY, login.token);
    return bind(login.token);
  }
  const kept = sessionStorage.getItem(LINK_KEY);
  return kept ? bind(kept) : null;
}

/** The Telegram Login Widget's `data-onauth` user object (signed by Telegram). */
export type WidgetLogin = Record<string, string | number>;

/** Whether this server offers the Telegram Login Widget, and for which bot. */
export const widgetConfig = () =>
  call<{ enabled: boolean; bot_username: string | null }>(null, 'GET', '/auth/widget');

/** Outside Telegram: exchanges the Login Widget's signed user for a bearer token kept for this tab. */
export async function signInWithWidget(login: WidgetLogin): Promise<{ api: Api; user: User }> {
  const granted = await call<{ token: string }>(null, 'POST', '/auth/widget', login);
  sessionStorage.setItem(LINK_KEY, granted.token);
  return bind(granted.token);
}

async function bind(token: string): Promise<{ api: Api; user: User }> {
  const api: Api = {
    me: () => call(token, 'GET', '/me'),
    updateMe: (patch) => call(token, 'PATCH', '/me', patch),
    tasks: async (query) => (await call<{ items: Task[] }>(token, 'GET', `/tasks?${query}`)).items,
    createTask: (body) => call(token, 'POST', '/tasks', body),
    patchTask: (id, body) => call(token, 'PATCH', `/tasks/${id}`, body),
    parse: (text) => call(token, 'POST', '/parse', { text }),
    courses: () => call(token, 'GET', '/courses'),
    patchTopic: (courseId, topicId, body) =>
      call(token, 'PATCH', `/courses/${courseId}/topics/${topicId}`, body),
    reminders: async () => (await call<{ items: Reminder[] }>(token, 'GET', '/reminders?limit=100')).items,
    createReminder: (body) => call(token, 'POST', '/reminders', body),
    reminderAction: (id, action) => call(token, 'POST', `/reminders/${id}/${action}`),
    deleteReminder: (id) => call(token, 'DELETE', `/reminders/${id}`),
    reminderRule: (id) => call(token, 'GET', `/reminders/${id}/rule`),
    rulePreview: (text) => call(token, 'POST', '/reminders/rule-preview', { text }),
    setReminderRule: (id, text) => call(token, 'PUT', `/reminders/${id}/rule`, { text }),
    occurrences: async (from, to) =>
      (
        await call<{ items: Occurrence[] }>(
          token,
          'GET',
          `/reminders/occurrences?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
        )
      ).items,
    appPages: async () =>
      (await call<{ pages: Array<{ id: string; capability: string }> }>(token, 'GET', '/app')).pages,
    request: (method, path, body) => call(token, method, path, body),
    admin: adminApi(token),
  };
  return { api, user: await api.me() };
}

function adminApi(token: string): AdminApi {
  const items = async <T>(path: string) => (await call<{ items: T[] }>(token, 'GET', path)).items;
  const q = encodeURIComponent;
  return {
    queues: () => items('/admin/queues'),
    deadJobs: (queue) => items(`/admin/queues/${q(queue)}/dead`),
    retryDead: (queue, id) => call(token, 'POST', `/admin/queues/${q(queue)}/dead/${q(id)}/retry`),
    deleteDead: (queue, id) => call(token, 'DELETE', `/admin/queues/${q(queue)}/dead/${q(id)}`),
    users: () => items('/admin/users?limit=200'),
    roles: () => items('/admin/roles'),
    setRoles: (id, roles) => call(token, 'PUT', `/admin/users/${q(id)}/roles`, { roles }),
    audit: () => items('/admin/audit?limit=100'),
    broadcasts: () => items('/admin/broadcasts'),
    broadcastAction: (id, action) => call(token, 'POST', `/admin/broadcasts/${q(id)}/${action}`),
    notices: async () =>
      (await call<{ settings: NoticeCell[] }>(token, 'GET', '/booking/notification-settings')).settings,
    setNotice: async (cell) =>
      (
        await call<{ settings: NoticeCell[] }>(token, 'PUT', '/booking/notification-settings', {
          settings: [cell],
        })
      ).settings,
  };
}
