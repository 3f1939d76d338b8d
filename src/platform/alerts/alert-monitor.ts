import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';

export type AlertName = 'dead_letters' | 'database' | 'telegram_token' | 'ai_circuit';

/** One check's answer: firing or not, or unknown (it could not tell, e.g. its query failed). */
export type CheckResult =
  | { firing: boolean; vars?: Record<string, string | number> }
  | { firing: 'unknown'; vars?: undefined };

export interface AlertCheck {
  name: AlertName;
  check(): Promise<CheckResult>;
}

/** An admin who gets alerts, in their language and timezone. */
export interface AlertRecipient {
  telegramId: number;
  language: string;
  timezone: string;
}

/** Renders one alert message for one recipient (Fluent, their language). */
export type RenderAlert = (
  recipient: AlertRecipient,
  name: AlertName,
  kind: 'firing' | 'resolved',
  vars: Record<string, string | number>,
  since: Date,
) => string;

export interface AlertMonitor {
  /** Runs every check once and sends what changed (the loop calls it; tests call it directly). */
  tick(): Promise<void>;
  firing(): AlertName[];
  /** Sends a firing message now, whatever the state and the rate limit (the process is about to exit). */
  announce(name: AlertName, vars: Record<string, string | number>): Promise<boolean>;
}

interface AlertState {
  firing: boolean;
  since: Date;
  vars: Record<string, string | number>;
  /** Admins were told it fires (so they will be told it resolved). */
  announced: boolean;
  /** A firing message could not be delivered (e.g. Telegram rejects the token): say it on resolve. */
  undelivered: boolean;
  lastFiringSentAt: number | null;
}

/**
 * Critical conditions to the admins in Telegram. State lives in this process's memory and the
 * messages go straight to the Bot API (not through the notify queue): the database may be the thing
 * that is down, and the admin list is the last one read while it was up.
 *
 * Rate limit: at most one "firing" message per alert per `repeatAfterMs`; a condition that clears
 * and comes back within that window is not announced again (its "resolved" was, so admins know it
 * flaps). A "resolved" message goes out when a condition clears that admins were told about — or
 * that they could not be told about, which is said in that message.
 */
export function createAlertMonitor(deps: {
  checks: readonly AlertCheck[];
  /** The admins from the database; when it fails, the last answer is used. */
  recipients: () => Promise<AlertRecipient[]>;
  /** ADMIN_TELEGRAM_IDS: reached even if the database was never readable (in English). */
  configuredAdmins: readonly number[];
  send: (chatId: number, text: string) => Promise<void>;
  render: RenderAlert;
  now: () => Date;
  repeatAfterMs: number;
  /** How long one check may take before it counts as unknown (the database check: as down). */
  checkTimeoutMs?: number;
  logger: Logger;
  metrics?: Pick<Metrics, 'alertFiring'>;
}): AlertMonitor {
  const log = deps.logger.child({ component: 'alerts' });
  const states = new Map<AlertName, AlertState>();
  let known: AlertRecipient[] = [];
  const timeoutMs = deps.checkTimeoutMs ?? 5000;

  /** Read every round while all is well, so the list is at hand when the database is not. */
  const refreshRecipients = async () => {
    try {
      // Bounded: with the database gone a query may wait for a pool connection forever.
      known = await withTimeout(deps.recipients(), timeoutMs, 'reading the admins');
    } catch (error) {
      log.debug({ err: error }, 'cannot read the admins; alerting the last known ones');
    }
  };
  const recipients = () => {
    const seen = new Set(known.map((r) => r.telegramId));
    const extra = deps.configuredAdmins
      .filter((id) => !seen.has(id))
      .map((id) => ({ telegramId: id, language: 'en', timezone: 'UTC' }));
    return [...known, ...extra];
  };

  /** True when at least one admin got the message (or there is no admin: the log line is all there is). */
  const broadcast = async (name: AlertName, kind: 'firing' | 'resolved', state: AlertState) => {
    const list = recipients();
    if (list.length === 0) return true;
    let delivered = 0;
    // On resolve: whether admins never got the firing message (say so, with when it started).
    const vars = { ...state.vars, undelivered: state.undelivered && !state.announced ? 'yes' : 'no' };
    for (const recipient of list) {
      try {
        await deps.send(recipient.telegramId, deps.render(recipient, name, kind, vars, state.since));
        delivered += 1;
      } catch (error) {
        log.error({ err: error, alert: name, kind, chat_id: recipient.telegramId }, 'alert not delivered');
      }
    }
    return delivered > 0;
  };

  const run = async (check: AlertCheck): Promise<CheckResult> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        check.check(),
        new Promise<CheckResult>((resolve) => {
          timer = setTimeout(() => resolve({ firing: 'unknown' }), timeoutMs);
        }),
      ]);
    } catch (error) {
      log.warn({ err: error, alert: check.name }, 'alert check failed');
      return { firing: 'unknown' };
    } finally {
      clearTimeout(timer);
    }
  };

  // One round at a time (the loop and a caller may both ask): two rounds would announce twice.
  let round: Promise<void> = Promise.resolve();
  const tick = async () => {
    await refreshRecipients();
    for (const check of deps.checks) {
      const result = await run(check);
      if (result.firing === 'unknown') continue;
      const now = deps.now();
      const state = states.get(check.name) ?? {
        firing: false,
        since: now,
        vars: {},
        announced: false,
        undelivered: false,
        lastFiringSentAt: null,
      };
      states.set(check.name, state);
      if (result.firing && !state.firing) Object.assign(state, { firing: true, since: now });
      if (result.firing) state.vars = result.vars ?? {};
      if (!result.firing && state.firing) state.firing = false;
      deps.metrics?.alertFiring.set({ alert: check.name }, state.firing ? 1 : 0);

      if (state.firing && !state.announced) {
        const quiet =
          state.lastFiringSentAt !== null && now.getTime() - state.lastFiringSentAt < deps.repeatAfterMs;
        if (quiet) continue;
        log.error({ alert: check.name, ...state.vars }, 'alert firing');
        if (await broadcast(check.name, 'firing', state)) {
          Object.assign(state, { announced: true, undelivered: false, lastFiringSentAt: now.getTime() });
        } else state.undelivered = true;
      } else if (!state.firing && (state.announced || state.undelivered)) {
        log.info({ alert: check.name }, 'alert resolved');
        if (await broadcast(check.name, 'resolved', state))
          Object.assign(state, { announced: false, undelivered: false });
      }
    }
  };

  return {
    tick() {
      round = round.then(tick, tick);
      return round;
    },
    announce: (name, vars) =>
      broadcast(name, 'firing', {
        firing: true,
        since: deps.now(),
        vars,
        announced: false,
        undelivered: false,
        lastFiringSentAt: null,
      }),
    firing: () => [...states].filter(([, s]) => s.firing).map(([name]) => name),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
