import { BotError, GrammyError, HttpError } from 'grammy';
import { TelegramRetryLaterError } from './telegram-errors.ts';

/**
 * What a failure means for the work that hit it:
 * - `retry_later`: Telegram said "not now" (429, or our own limiter): run it again at `retryAt`;
 *   never a failure of the work itself;
 * - `transient`: the network, Telegram's servers (5xx) or the database connection: run it again after a backoff;
 * - `permanent`: a bug or a refusal that repeats on every attempt: answer, log, park.
 */
export type FailureKind =
  | { kind: 'retry_later'; retryAt: Date }
  | { kind: 'transient' }
  | { kind: 'permanent' };

// SQLSTATE classes and codes that say "the database, not the statement": connection exceptions,
// admin/crash shutdown, cannot-connect-now, too many connections, out of resources, serialization
// failures and deadlocks (the transaction may succeed when run again), lock timeouts.
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57P', '40'];
const TRANSIENT_SQLSTATES = new Set(['55P03', '58000', '58030']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// node-postgres reports a dropped connection with messages, not codes.
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /connection ended unexpectedly/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * Classifies any error by walking its cause chain (a DrizzleQueryError wraps the pg error that
 * carries the SQLSTATE; grammY's HttpError wraps the fetch error). The first link that says
 * something decides; an error nobody recognises is permanent.
 */
export function classifyFailure(error: unknown): FailureKind {
  for (const link of causeChain(error)) {
    if (link instanceof TelegramRetryLaterError) return { kind: 'retry_later', retryAt: link.retryAt };
    if (link instanceof GrammyError) {
      if (link.error_code === 429) {
        const seconds = link.parameters.retry_after ?? 1;
        return { kind: 'retry_later', retryAt: new Date(Date.now() + seconds * 1000) };
      }
      return link.error_code >= 500 ? { kind: 'transient' } : { kind: 'permanent' };
    }
    if (link instanceof HttpError) return { kind: 'transient' };
    if (isTransientLink(link)) return { kind: 'transient' };
  }
  return { kind: 'permanent' };
}

function isTransientLink(link: object): boolean {
  // Aborts come from shutdown (see TransformerDeps.shutdown) and timeouts: the work was cut short, not wrong.
  const name = (link as { name?: unknown }).name;
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  const code = (link as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.some((c) => code.startsWith(c))) return true;
  }
  const message = (link as { message?: unknown }).message;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(message));
}

/** The error, its `cause`s and an AggregateError's members, each once, at most 10 deep. */
function* causeChain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const link = queue.shift();
    if (!link || typeof link !== 'object' || seen.has(link)) continue;
    seen.add(link);
    yield link;
    queue.push((link as { cause?: unknown }).cause);
    // grammY wraps a middleware's error in a BotError whose `error` is the original.
    if (link instanceof BotError) queue.push(link.error);
    if (link instanceof AggregateError) queue.push(...link.errors);
  }
}

/** True for failures worth running the whole unit of work again (not answering the user with an error). */
export const isRetryable = (error: unknown) => classifyFailure(error).kind !== 'permanent';
