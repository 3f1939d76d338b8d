import { DomainError } from '../../errors/domain-error.ts';
import { deadLetterName, type JobQueue } from '../job-queue.ts';

/** One queue as an operator sees it (the seeds' Flower): what waits, runs, failed and is parked. */
export interface QueueSummary {
  name: string;
  /** Created or retrying, due now or later. */
  waiting: number;
  active: number;
  /** Failed for good in the queue itself (a copy is in the dead-letter queue). */
  failed: number;
  /** Parked in `<name>.dead`, waiting for an admin to replay or delete. */
  dead: number;
}

export interface DeadJob {
  /** Id of the job in `<queue>.dead`. */
  id: string;
  queue: string;
  /** What the handler was given (strings over 200 characters cut, e.g. a notification's inline file). */
  payload: unknown;
  error: string | null;
  deadSince: Date;
}

/**
 * Replays dead jobs (by their ids in `<queue>.dead`) of a queue whose parked copies are not plain
 * pg-boss dead letters — the notifier's and the update inbox's own replay. Returns how many moved.
 */
export type DeadLetterReplayer = (ids: string[]) => Promise<number>;

export interface QueueAdmin {
  /** Queues with dead jobs first, then with failed ones, then by name. */
  summary(): Promise<QueueSummary[]>;
  listDead(queue: string, options?: { limit?: number }): Promise<DeadJob[]>;
  /** Puts one dead job back on its original queue (a new job; the dead copy goes). */
  replay(queue: string, id: string): Promise<void>;
  remove(queue: string, id: string): Promise<void>;
}

const QUEUED = `state < 'active'`;

/**
 * The job queues for admins. Counts are one grouped query over the jobs that are not finished;
 * replay reuses the owners' replay where a queue parks its own copies (notify, updates) and
 * pg-boss's `redrive` (back to the source queue, same payload) everywhere else.
 */
export function createQueueAdmin(deps: {
  jobs: JobQueue;
  replayers: () => Record<string, DeadLetterReplayer>;
}): QueueAdmin {
  const { boss } = deps.jobs;
  const sql = async <T>(text: string, values: unknown[] = []) =>
    (await boss.getDb().executeSql(text, values)).rows as T[];

  async function queueNames(): Promise<string[]> {
    const rows = await sql<{ name: string }>(`SELECT name FROM pgboss.queue ORDER BY name`);
    // pg-boss's own internal queues (`__pgboss__…`) are not ours to retry.
    return rows.map((r) => r.name).filter((name) => !name.endsWith('.dead') && !name.startsWith('__pgboss'));
  }

  async function assertQueue(queue: string) {
    if (!(await queueNames()).includes(queue))
      throw new DomainError('not_found', 'queue_not_found', `No queue named "${queue}"`, { queue });
  }

  async function findDead(queue: string, id: string) {
    const [row] = await sql<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = $1 AND id = $2::uuid AND ${QUEUED}`,
      [deadLetterName(queue), id],
    );
    if (!row)
      throw new DomainError(
        'not_found',
        'dead_job_not_found',
        `No dead job ${id} in ${queue}: it was replayed or deleted already; reload the list`,
        { queue, id },
      );
  }

  return {
    async summary() {
      const names = await queueNames();
      const rows = await sql<{ name: string; state: string; n: number }>(
        `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
          WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
      );
      const count = (name: string, states: string[]) =>
        rows
          .filter((r) => r.name === name && states.includes(r.state))
          .reduce((sum, r) => sum + Number(r.n), 0);
      const summaries = names.map((name) => ({
        name,
        waiting: count(name, ['created', 'retry']),
        active: count(name, ['active']),
        failed: count(name, ['failed']),
        dead: count(deadLetterName(name), ['created', 'retry']),
      }));
      // What needs an admin first: dead jobs, then failed ones; by name otherwise.
      return summaries.sort((a, b) => b.dead - a.dead || b.failed - a.failed || a.name.localeCompare(b.name));
    },

    async listDead(queue, options = {}) {
      await assertQueue(queue);
      const rows = await sql<{
        id: string;
        data: Record<string, unknown> | null;
        created_on: string | Date;
        source_output: Record<string, unknown> | null;
      }>(
        `SELECT id, data, created_on, source_output FROM pgboss.job
          WHERE name = $1 AND ${QUEUED} ORDER BY created_on DESC, id DESC LIMIT $2`,
        [deadLetterName(queue), options.limit ?? 50],
      );
      return rows.map((row) => {
        const data = row.data ?? {};
        const payload = 'payload' in data ? data.payload : data;
        return {
          id: row.id,
          queue,
          payload: shortened(payload),
          error: errorOf(data, payload, row.source_output),
          deadSince: new Date(row.created_on),
        };
      });
    },

    async replay(queue, id) {
      await assertQueue(queue);
      await findDead(queue, id);
      const own = deps.replayers()[queue];
      const moved = own
        ? await own([id])
        : await boss.redrive(deadLetterName(queue), { ids: [id], destination: queue, limit: 1 });
      if (moved === 0)
        throw new DomainError(
          'conflict',
          'dead_job_not_replayed',
          `Dead job ${id} could not go back to ${queue} now (its key is held by a running job); try again in a minute`,
          { queue, id },
        );
    },

    async remove(queue, id) {
      await assertQueue(queue);
      await findDead(queue, id);
      await boss.deleteJob(deadLetterName(queue), id);
    },
  };
}

/** The reason a job was parked: the notifier's and the inbox's own field, else the failed attempt's error. */
function errorOf(data: Record<string, unknown>, payload: unknown, output: Record<string, unknown> | null) {
  const candidates = [
    data.error,
    payload && typeof payload === 'object' ? (payload as Record<string, unknown>).error : undefined,
    output?.message,
  ];
  const found = candidates.find((c) => typeof c === 'string' && c.length > 0);
  return typeof found === 'string' ? found : null;
}

/** The payload with long strings cut: a dead notification may carry a file inline (up to 512 KB). */
function shortened(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.length > 200 ? `${value.slice(0, 200)}… (${value.length} characters)` : value;
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shortened(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v, depth + 1)]));
}
