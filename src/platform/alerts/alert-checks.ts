import { GrammyError } from 'grammy';
import type { Gauge } from 'prom-client';
import type { AlertCheck } from './alert-monitor.ts';

/** Firing when `ping` fails or takes longer than `timeoutMs`. */
export function databaseCheck(ping: () => Promise<unknown>, timeoutMs = 3000): AlertCheck {
  return {
    name: 'database',
    async check() {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return { firing: false };
      } catch (error) {
        return { firing: true, vars: { error: String((error as Error)?.message ?? error).slice(0, 200) } };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Firing while some dead-letter queue holds more jobs than its baseline: the count at the first
 * check, lowered whenever the queue shrinks (an operator replayed or discarded jobs). So it fires
 * when jobs newly fail every retry, and resolves once they are handled.
 */
export function deadLetterCheck(counts: () => Promise<Map<string, number>>): AlertCheck {
  const baseline = new Map<string, number>();
  return {
    name: 'dead_letters',
    async check() {
      const now = await counts();
      const grown: string[] = [];
      for (const [queue, n] of now) {
        const base = baseline.get(queue);
        if (base === undefined || n < base) baseline.set(queue, n);
        else if (n > base) grown.push(`${queue.replace(/\.dead$/, '')} (+${n - base})`);
      }
      return grown.length ? { firing: true, vars: { queues: grown.join(', ') } } : { firing: false };
    },
  };
}

/** Firing when Telegram answers 401 to getMe (the token was revoked or is wrong); network errors say nothing. */
export function telegramTokenCheck(getMe: () => Promise<unknown>): AlertCheck {
  return {
    name: 'telegram_token',
    async check() {
      try {
        await getMe();
        return { firing: false };
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 401) return { firing: true };
        return { firing: 'unknown' };
      }
    },
  };
}

/** Firing while an AI provider's circuit breaker is open in this process. */
export function aiCircuitCheck(gauge: Gauge<'provider' | 'engine'>): AlertCheck {
  return {
    name: 'ai_circuit',
    async check() {
      const open = (await gauge.get()).values.filter((v) => v.value === 1);
      const providers = [...new Set(open.map((v) => String(v.labels.provider)))];
      return providers.length
        ? { firing: true, vars: { providers: providers.join(', ') } }
        : { firing: false };
    },
  };
}
