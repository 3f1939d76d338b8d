import pino from 'pino';

/**
 * Logs are for operators, not a copy of what people write: tokens, initData, message text and
 * prompts are censored wherever they appear in a log object (pino redaction), and errors are
 * reduced to fields that describe the failure (see `safeError`).
 */
const SECRET_KEYS = ['token', 'password', 'secret', 'authorization', 'init_data', 'initData', 'api_key'];
const TEXT_KEYS = ['text', 'caption', 'title', 'prompt', 'system', 'params'];

export const REDACT_PATHS = [
  ...[...SECRET_KEYS, ...TEXT_KEYS].flatMap((key) => [key, `*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'update.*.text',
  'update.*.caption',
  'update.*.reply_to_message',
  'update.*.contact',
  'update.*.location',
  'update.*.data',
  'update.*.message',
  'update.*.query',
  'payload.text',
  'payload.caption',
];

/** What an error may say in a log: no query parameters, no failing rows, no request payloads. */
const ERROR_FIELDS = [
  'type',
  'name',
  'code',
  'status',
  'error_code',
  'description',
  'method',
  'severity',
  'constraint',
  'table',
  'column',
  'routine',
];

/**
 * Serializer for `err`/`error`: keeps type, message, stack and descriptive codes; drops everything
 * else an error object may carry (Drizzle's `params`, PostgreSQL's `detail` with the failing row,
 * grammY's `payload` and `ctx`), and cuts the parameter list out of Drizzle's "Failed query" text.
 */
export function safeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 3) return error;
  const full = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const message = scrubMessage(error.message);
  const out: Record<string, unknown> = {
    type: full.type,
    message,
    stack: typeof error.stack === 'string' ? error.stack.replace(error.message, message) : undefined,
  };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined && typeof value !== 'object') out[field] = value;
  }
  if (error.cause !== undefined) out.cause = safeError(error.cause, depth + 1);
  return out;
}

function scrubMessage(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}
