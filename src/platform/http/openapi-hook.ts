import type { Hook } from '@hono/zod-openapi';
import { problemJson } from './problem.ts';

/** zod validation failures on any route become one problem+json 400 listing every field. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input/output type.
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return problemJson(
    c,
    400,
    'validation_failed',
    errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
    { errors },
  );
};
