import type { Hook } from '@hono/zod-openapi';
import { problemJson } from './problem.ts';

/**
 * zod validation failures on any route become one problem+json listing every field: 400 for a
 * malformed request, 422 when it is well-formed but its content is refused (control characters,
 * a date outside 1970–9999: issues marked with safe-input's UNPROCESSABLE).
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input/output type.
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const issues = result.error.issues;
  const errors = issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const unprocessable = issues.some(
    (issue) => (issue as { params?: { unprocessable?: boolean } }).params?.unprocessable === true,
  );
  return problemJson(
    c,
    unprocessable ? 422 : 400,
    unprocessable ? 'input_unprocessable' : 'validation_failed',
    errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
    { errors },
  );
};
