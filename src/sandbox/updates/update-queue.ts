import type { Update } from '@grammyjs/types';

/** An update without its id; the queue assigns ids that increase by one. */
export type UpdateBody = Omit<Update, 'update_id'>;

const DEFAULT_EXCLUDED = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export interface UpdateQueue {
  push(body: UpdateBody): Update | undefined;
  pending(): readonly Update[];
  /** Drops every update with id < offset (Telegram's confirmation). */
  confirmBelow(offset: number): void;
  remove(updateId: number): void;
  clear(): void;
  setAllowedUpdates(allowed: readonly string[] | undefined): void;
  /** Resolves when a new update arrives, after `ms`, or on abort. */
  waitForPush(ms: number, signal?: AbortSignal): Promise<void>;
  onPush(listener: () => void): () => void;
  snapshot(): { nextUpdateId: number; pending: Update[]; allowed: string[] | undefined };
  restore(data: { nextUpdateId: number; pending: Update[]; allowed: string[] | undefined }): void;
}

export function updateType(update: Update | UpdateBody): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

export function createUpdateQueue(): UpdateQueue {
  let nextUpdateId = 1;
  let pending: Update[] = [];
  let allowed: string[] | undefined;
  const listeners = new Set<() => void>();

  const isAllowed = (type: string): boolean =>
    allowed && allowed.length > 0 ? allowed.includes(type) : !DEFAULT_EXCLUDED.has(type);

  return {
    push(body) {
      if (!isAllowed(updateType(body))) return undefined;
      const update = { update_id: nextUpdateId++, ...body } as Update;
      pending.push(update);
      for (const listener of [...listeners]) listener();
      return update;
    },
    pending: () => pending,
    confirmBelow(offset) {
      pending = pending.filter((u) => u.update_id >= offset);
    },
    remove(updateId) {
      pending = pending.filter((u) => u.update_id !== updateId);
    },
    clear() {
      pending = [];
    },
    setAllowedUpdates(next) {
      if (next !== undefined) allowed = [...next];
    },
    waitForPush(ms, signal) {
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        listeners.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => ({ nextUpdateId, pending: [...pending], allowed }),
    restore(data) {
      nextUpdateId = data.nextUpdateId;
      pending = [...data.pending];
      allowed = data.allowed;
    },
  };
}
