import type { Database } from '../db/database.ts';
import {
  allowedAt,
  chatRules,
  globalRule,
  type LimitRule,
  reserve,
  type SlotState,
  type TelegramLimits,
} from './rate-limit-rules.ts';

export interface TelegramClock {
  now(): Date;
}

/** Where slot state lives. The database store shares it between processes; memory is for one. */
export interface RateLimitStore {
  /** Atomically takes the next slot of `rule` no earlier than `notBeforeMs`; returns the state after. */
  reserve(rule: LimitRule, nowMs: number, notBeforeMs: number): Promise<SlotState>;
  /** Nothing goes out on `key` before `untilMs` (a 429 told us so). Never shortens a pause. */
  pause(key: string, untilMs: number): Promise<void>;
  /** Drops slots idle since before `olderThanMs` (their state no longer constrains anything). */
  prune(olderThanMs: number): Promise<number>;
}

export interface TelegramRateLimiter {
  /**
   * Reserves the slots of the chat itself (per chat, and per group for groups) and says when the
   * send may go out. A null chat (a call without chat_id) has no such slots.
   */
  reserveChat(chatId: number | string | null): Promise<Reservation>;
  /**
   * Reserves a slot of the global send rate. Call it once the chat's wait is over: a slot reserved
   * for a moment seconds ahead would hold up the sends of every other chat until then.
   */
  reserveGlobal(): Promise<Reservation>;
  /** Records a 429: the chat (or everything, for a null chat) is paused until `untilMs`. */
  pause(chatId: number | string | null, untilMs: number): Promise<void>;
  /** Forgets slots idle for `idleMs` (default an hour); run it now and then, e.g. from a daily job. */
  prune(idleMs?: number): Promise<number>;
  readonly enabled: boolean;
}

export interface Reservation {
  allowedAtMs: number;
  waitMs: number;
}

export const systemClock: TelegramClock = { now: () => new Date() };

/**
 * A limiter over a store. `limits: 'off'` never waits and never touches the store — for
 * benchmarks and for tests that are about something else; 429s are still honoured by the client.
 */
export function createRateLimiter(deps: {
  store: RateLimitStore;
  limits: TelegramLimits | 'off';
  clock?: TelegramClock;
}): TelegramRateLimiter {
  const clock = deps.clock ?? systemClock;
  const { limits, store } = deps;
  const now = () => clock.now().getTime();
  const immediate = async (): Promise<Reservation> => ({ allowedAtMs: now(), waitMs: 0 });
  async function take(rules: LimitRule[]): Promise<Reservation> {
    const nowMs = now();
    // Narrowest key first, each taken no earlier than the previous one allows.
    let notBefore = nowMs;
    for (const rule of rules) {
      const state = await store.reserve(rule, nowMs, notBefore);
      notBefore = allowedAt(state, rule, nowMs, notBefore);
    }
    return { allowedAtMs: notBefore, waitMs: Math.max(0, notBefore - nowMs) };
  }
  const pause = async (chatId: number | string | null, untilMs: number) => {
    await store.pause(pauseKey(chatId), untilMs);
  };
  const prune = (idleMs = 3_600_000) => store.prune(now() - idleMs);
  if (limits === 'off') {
    return { enabled: false, reserveChat: immediate, reserveGlobal: immediate, pause, prune };
  }
  const global = [globalRule(limits)];
  return {
    enabled: true,
    reserveChat: (chatId) => (chatId === null ? immediate() : take(chatRules(chatId, limits))),
    reserveGlobal: () => take(global),
    pause,
    prune,
  };
}

// Telegram's 429 does not say which limit was hit. Most are per chat, so a chat's 429 pauses that
// chat; a 429 on a call without a chat pauses everything.
const pauseKey = (chatId: number | string | null) => (chatId === null ? 'global' : `chat:${chatId}`);

/** Slot state in one process's memory (unit tests, single-process tools). */
export function createMemoryRateLimitStore(): RateLimitStore & { state: Map<string, SlotState> } {
  const state = new Map<string, SlotState>();
  return {
    state,
    async reserve(rule, nowMs, notBeforeMs) {
      const next = reserve(state.get(rule.key), rule, nowMs, notBeforeMs).state;
      state.set(rule.key, next);
      return next;
    },
    async pause(key, untilMs) {
      const current = state.get(key) ?? { tatMs: 0, pausedUntilMs: 0 };
      state.set(key, { ...current, pausedUntilMs: Math.max(current.pausedUntilMs, untilMs) });
    },
    async prune(olderThanMs) {
      let dropped = 0;
      for (const [key, slot] of state) {
        if (slot.tatMs < olderThanMs && slot.pausedUntilMs < olderThanMs) {
          state.delete(key);
          dropped += 1;
        }
      }
      return dropped;
    },
  };
}

/**
 * Slot state in `telegram_rate_limits`, shared by every process on the database. Each reservation
 * is one `INSERT … ON CONFLICT DO UPDATE … RETURNING`: the row lock serialises concurrent senders
 * on a key without a transaction, and the arithmetic is {@link reserve}'s. Times come from the
 * caller's clock, so hosts sharing a database need synchronised clocks (NTP skew of a few ms only
 * shifts slots by that much).
 */
export function createDbRateLimitStore(database: Database): RateLimitStore {
  const { raw } = database;
  return {
    async reserve(rule, nowMs, notBeforeMs) {
      const rows = await raw.query<{ tat_ms: number; paused_until_ms: number }>(
        `INSERT INTO telegram_rate_limits AS r (key, tat_ms, paused_until_ms, updated_at)
         VALUES ($1, GREATEST($2::float8, $3::float8) + $4::float8, 0, now())
         ON CONFLICT (key) DO UPDATE
           SET tat_ms = GREATEST(r.tat_ms, $2::float8, $3::float8, r.paused_until_ms) + $4::float8,
               updated_at = now()
         RETURNING tat_ms, paused_until_ms`,
        [rule.key, nowMs, notBeforeMs, rule.intervalMs],
      );
      const row = rows[0];
      if (!row) throw new Error(`rate limit reservation for ${rule.key} returned no row`);
      return { tatMs: Number(row.tat_ms), pausedUntilMs: Number(row.paused_until_ms) };
    },
    async pause(key, untilMs) {
      await raw.query(
        `INSERT INTO telegram_rate_limits AS r (key, tat_ms, paused_until_ms, updated_at)
         VALUES ($1, 0, $2::float8, now())
         ON CONFLICT (key) DO UPDATE
           SET paused_until_ms = GREATEST(r.paused_until_ms, $2::float8), updated_at = now()`,
        [key, untilMs],
      );
    },
    async prune(olderThanMs) {
      const rows = await raw.query<{ key: string }>(
        `DELETE FROM telegram_rate_limits
         WHERE tat_ms < $1::float8 AND paused_until_ms < $1::float8
         RETURNING key`,
        [olderThanMs],
      );
      return rows.length;
    },
  };
}
