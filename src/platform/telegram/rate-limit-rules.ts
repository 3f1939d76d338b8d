/** Telegram's send limits as this client keeps them. Rates are sends per second (or minute). */
export interface TelegramLimits {
  /** Sends to one chat per second (Telegram: about 1). */
  perChatPerSecond: number;
  /** Sends to one chat that may go out back to back before the rate applies. */
  perChatBurst: number;
  /** Sends to one group or channel per minute (Telegram: 20). */
  perGroupPerMinute: number;
  /** Sends across all chats per second (Telegram: about 30 for bulk sends; paid broadcasts more). */
  globalPerSecond: number;
}

export const DEFAULT_TELEGRAM_LIMITS: TelegramLimits = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

/** One key's rule in GCRA terms: a send costs `intervalMs`; `toleranceMs` is the burst allowance. */
export interface LimitRule {
  key: string;
  intervalMs: number;
  toleranceMs: number;
}

/** The slot state a store returns after a reservation: new theoretical arrival time and pause. */
export interface SlotState {
  tatMs: number;
  pausedUntilMs: number;
}

/**
 * The chat's own keys for one send to `chatId`, narrowest first. Negative ids are groups,
 * supergroups and channels: they also get the per-group minute limit.
 */
export function chatRules(chatId: number | string, limits: TelegramLimits): LimitRule[] {
  const chatInterval = 1000 / limits.perChatPerSecond;
  const rules: LimitRule[] = [
    {
      key: `chat:${chatId}`,
      intervalMs: chatInterval,
      toleranceMs: chatInterval * Math.max(0, limits.perChatBurst - 1),
    },
  ];
  if (isGroupChat(chatId)) {
    const groupInterval = 60_000 / limits.perGroupPerMinute;
    // A group's burst matches the per-chat burst: 20 at once followed by a minute of silence is
    // worse than a steady trickle, and Telegram answers group floods with long retry_afters.
    rules.push({
      key: `group:${chatId}`,
      intervalMs: groupInterval,
      toleranceMs: groupInterval * Math.max(0, limits.perChatBurst - 1),
    });
  }
  return rules;
}

/**
 * The global send rate. Its burst is half a second's worth, not Telegram's full second: sends
 * reserved back to back reach Telegram with jittered delays, and the spare half second of
 * Telegram's bucket is what absorbs that jitter instead of a 429.
 */
export function globalRule(limits: TelegramLimits): LimitRule {
  const interval = 1000 / limits.globalPerSecond;
  const burst = Math.max(1, Math.floor(limits.globalPerSecond / 2));
  return { key: 'global', intervalMs: interval, toleranceMs: interval * (burst - 1) };
}

export function isGroupChat(chatId: number | string): boolean {
  return typeof chatId === 'number' ? chatId < 0 : chatId.startsWith('-') || chatId.startsWith('@');
}

/**
 * GCRA reservation ("virtual scheduling"): a send wanted at `wantMs` is allowed once the slot's
 * theoretical arrival time minus the tolerance has passed. Returns the new state and the moment
 * the send may go out. Both stores (memory and SQL) implement exactly this arithmetic; the SQL
 * version returns the new state and `allowedAt` is recomputed from it with {@link allowedAt}.
 */
export function reserve(
  previous: SlotState | undefined,
  rule: LimitRule,
  nowMs: number,
  notBeforeMs: number,
): { state: SlotState; allowedAtMs: number } {
  const pausedUntilMs = previous?.pausedUntilMs ?? 0;
  const start = Math.max(nowMs, notBeforeMs, pausedUntilMs);
  const tatMs = Math.max(previous?.tatMs ?? 0, start) + rule.intervalMs;
  const state = { tatMs, pausedUntilMs };
  return { state, allowedAtMs: allowedAt(state, rule, nowMs, notBeforeMs) };
}

/** When a send may go out, given the slot state *after* its reservation. */
export function allowedAt(state: SlotState, rule: LimitRule, nowMs: number, notBeforeMs: number): number {
  const start = Math.max(nowMs, notBeforeMs, state.pausedUntilMs);
  return Math.max(start, state.tatMs - rule.intervalMs - rule.toleranceMs);
}
