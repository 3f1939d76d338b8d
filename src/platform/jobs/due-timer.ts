import type { Clock } from 'pg-boss';

/** How often the due scan looks for delayed jobs coming due (see createDueTimer). */
export const DUE_SCAN_MS = 1000;

/**
 * Wakes workers when delayed jobs come due. Per queue it keeps the due instants of the next few
 * seconds (from a scan every DUE_SCAN_MS, or from a local send) and one timer for the earliest; a
 * firing wakes the queue's workers, drops every instant already reached (one fetch takes them all)
 * and arms the next — no query per job. The scan also wakes queues holding jobs already due but not
 * taken (a retry come due, a wake that found a worker busy).
 */
export function createDueTimer(deps: {
  clock: Clock | undefined;
  wake: (queue: string) => void;
  /** Queues with a queued job due at `from`, and the due instants in (from, until], earliest first. */
  scan: (
    queues: string[],
    from: number,
    until: number,
  ) => Promise<{ due: string[]; upcoming: Array<{ queue: string; at: number }> }>;
  onError: (error: unknown) => void;
}) {
  const now = () => deps.clock?.now() ?? Date.now();
  const setTimer = (fn: () => void, ms: number) =>
    deps.clock ? deps.clock.setTimeout(fn, ms) : setTimeout(fn, ms).unref();
  const clearTimer = (handle: unknown) =>
    deps.clock ? deps.clock.clearTimeout(handle) : clearTimeout(handle as NodeJS.Timeout);
  /**
   * Instants within this much of the earliest share one wake, at the last of them (the fetch then
   * takes them all): a steady stream of jobs costs one fetch per window, not one per job.
   */
  const COALESCE_MS = 100;
  const watched = new Set<string>();
  const pending = new Map<string, { instants: Set<number>; timer: { at: number; handle: unknown } | null }>();
  let scanTimer: unknown = null;
  let stopped = false;

  const arm = (queue: string) => {
    const entry = pending.get(queue);
    if (!entry || stopped) return;
    const current = now();
    let reached = false;
    for (const instant of entry.instants) {
      if (instant <= current) {
        entry.instants.delete(instant);
        reached = true;
      }
    }
    if (reached) deps.wake(queue);
    const sorted = [...entry.instants].sort((x, y) => x - y);
    const first = sorted[0];
    if (first === undefined) {
      if (entry.timer) clearTimer(entry.timer.handle);
      entry.timer = null;
      return;
    }
    const fireAt = sorted.findLast((t) => t <= first + COALESCE_MS) ?? first;
    if (entry.timer && entry.timer.at === fireAt) return;
    if (entry.timer) clearTimer(entry.timer.handle);
    const handle = setTimer(
      () => {
        entry.timer = null;
        arm(queue);
      },
      Math.max(0, fireAt - current),
    );
    entry.timer = { at: fireAt, handle };
  };

  const at = (queue: string, when: number) => {
    if (stopped || !watched.has(queue)) return;
    // Later instants are the scan's to find when they come near (a timer over 2^31 ms would fire at once).
    if (when > now() + DUE_SCAN_MS * 2) return;
    let entry = pending.get(queue);
    if (!entry) {
      entry = { instants: new Set(), timer: null };
      pending.set(queue, entry);
    }
    entry.instants.add(when);
    arm(queue);
  };

  const scan = async () => {
    if (stopped || watched.size === 0) return;
    const from = now();
    try {
      const found = await deps.scan([...watched], from, from + DUE_SCAN_MS * 2);
      for (const queue of found.due) deps.wake(queue);
      for (const { queue, at: when } of found.upcoming) at(queue, when);
    } catch (error) {
      if (!stopped) deps.onError(error);
    }
  };

  const tick = () => {
    if (stopped) return;
    scanTimer = setTimer(() => {
      void scan().finally(tick);
    }, DUE_SCAN_MS);
  };

  return {
    watch(queue: string) {
      watched.add(queue);
      if (scanTimer === null && !stopped) tick();
    },
    at,
    stop() {
      stopped = true;
      if (scanTimer !== null) clearTimer(scanTimer);
      for (const entry of pending.values()) if (entry.timer) clearTimer(entry.timer.handle);
      pending.clear();
    },
  };
}
