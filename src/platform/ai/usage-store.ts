/** One user's AI consumption on one day (YYYY-MM-DD, user-local). */
export interface DailyUsage {
  userId: string | null;
  day: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
}

export interface UsageIncrement {
  userId: string | null;
  day: string;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
}

/** Where token accounting lives; Drizzle in the app, in memory in tests and tools. */
export interface UsageStore {
  /** Adds one request's tokens and cost to the day's row (creating it) and returns the new totals. */
  record(increment: UsageIncrement): Promise<DailyUsage>;
  get(userId: string | null, day: string): Promise<DailyUsage | null>;
  /** Marks the cap notice as given for that day; true only for the first caller. */
  claimCapNotice(userId: string | null, day: string): Promise<boolean>;
}

export function createMemoryUsageStore(): UsageStore {
  const rows = new Map<string, DailyUsage & { notified: boolean }>();
  const key = (userId: string | null, day: string) => `${userId ?? ''}|${day}`;
  const row = (userId: string | null, day: string) => {
    let r = rows.get(key(userId, day));
    if (!r) {
      r = { userId, day, requests: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0, notified: false };
      rows.set(key(userId, day), r);
    }
    return r;
  };
  const view = ({ notified: _, ...usage }: DailyUsage & { notified: boolean }): DailyUsage => ({ ...usage });
  return {
    async record(inc) {
      const r = row(inc.userId, inc.day);
      r.requests += 1;
      r.inputTokens += inc.inputTokens;
      r.outputTokens += inc.outputTokens;
      r.costMicroUsd += inc.costMicroUsd;
      return view(r);
    },
    async get(userId, day) {
      const r = rows.get(key(userId, day));
      return r ? view(r) : null;
    },
    async claimCapNotice(userId, day) {
      const r = row(userId, day);
      if (r.notified) return false;
      r.notified = true;
      return true;
    },
  };
}
