import type { Queryable } from '../db/database.ts';

/** Something a person did in one capability that others may learn from (`task.done`, `note.filed`). */
export interface ActivityEvent {
  userId: string;
  /** A short dotted name: `<capability>.<what>`. */
  kind: string;
  details: Record<string, unknown>;
  at: Date;
}

/**
 * Runs in the reporter's transaction when it passed one (the record commits or rolls back with the
 * change it describes); a listener that throws fails that change, so keep listeners to a write.
 */
export type ActivityListener = (event: ActivityEvent, db: Queryable) => Promise<void>;

/** What capabilities report through (`deps.activity`); who listens is not their business. */
export interface ActivityPort {
  record(
    userId: string,
    kind: string,
    details?: Record<string, unknown>,
    options?: { tx?: Queryable },
  ): Promise<void>;
}

const KIND = /^[a-z][a-z0-9-]*\.[a-z0-9_.-]{1,60}$/;

/**
 * The activity hub: capabilities report what people do; listeners (the companion's activity log)
 * are contributed by capabilities and filled in once all are built, like inbox targets. With no
 * listener (a build without the companion) a report costs nothing.
 */
export function createActivityHub(deps: { db: Queryable; now: () => Date }): ActivityPort & {
  fill(listeners: readonly ActivityListener[]): void;
} {
  let listeners: readonly ActivityListener[] = [];
  return {
    fill(list) {
      listeners = [...list];
    },
    async record(userId, kind, details = {}, options = {}) {
      if (!KIND.test(kind)) throw new Error(`activity kind "${kind}" is not "<capability>.<what>"`);
      if (listeners.length === 0) return;
      const event: ActivityEvent = { userId, kind, details, at: deps.now() };
      for (const listener of listeners) await listener(event, options.tx ?? deps.db);
    },
  };
}
