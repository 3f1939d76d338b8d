import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isUniqueViolation, violatedConstraint } from '../db/unique-violation.ts';
import { type ErrorKind, isDomainError } from '../errors/domain-error.ts';
import type { Logger } from '../observability/logger.ts';
import { currentTraceId } from '../observability/trace.ts';

/** RFC 9457 problem details, plus a stable machine-readable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  trace_id?: string;
  [extra: string]: unknown;
}

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unprocessable: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemJson(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Response {
  const body: Problem = {
    type: `/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
    ...(currentTraceId() ? { trace_id: currentTraceId() } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** Maps any thrown error to problem+json: domain errors keep their code; the rest are a 500 without internals. */
export function errorToProblem(error: unknown, c: Context, logger: Logger): Response {
  if (isDomainError(error)) {
    const status = STATUS[error.kind];
    // The message may quote what was sent (a name, a rule); the code says enough for the log.
    logger.info({ code: error.code, status, path: c.req.path }, 'request refused');
    return problemJson(c, status, error.code, error.message, error.details);
  }
  if (isUniqueViolation(error)) {
    // Two requests made the same thing at once (one name twice): the check before the insert saw
    // nothing, the unique index refused the second. A conflict for the caller, not our failure.
    logger.info(
      { status: 409, path: c.req.path, constraint: violatedConstraint(error) },
      'request conflicted',
    );
    return problemJson(c, 409, 'already_exists', 'It already exists: another request has just made it');
  }
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Hono's own HTTPExceptions (e.g. a body over the size limit, malformed JSON).
    logger.info({ status, path: c.req.path, err: error }, 'request rejected');
    return problemJson(c, status as ContentfulStatusCode, 'request_invalid', (error as Error).message);
  }
  logger.error({ err: error, path: c.req.path }, 'unhandled error');
  return problemJson(
    c,
    500,
    'internal_error',
    'Something went wrong on our side. Quote the trace id if you report it.',
  );
}
