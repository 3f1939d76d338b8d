import pino, { type Logger } from 'pino';
import { REDACT_PATHS, safeError } from './log-redaction.ts';
import { currentTraceId } from './trace.ts';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Pretty, human output; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

/** JSON logs with `trace_id` on every line written inside a traced request, update or job. */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  const base: pino.LoggerOptions = {
    level: options.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const traceId = currentTraceId();
      return traceId ? { trace_id: traceId } : {};
    },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid' },
      },
    });
  }
  return pino(base);
}
