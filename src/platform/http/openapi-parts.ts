import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as documented in OpenAPI (the shape every error response has). */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      description: 'A page on this server that explains the code (`/problems/<code>`)',
      example: '/problems/validation_failed',
    }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable error code' }),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Every field that failed validation (400 and 422)' }),
    trace_id: z.string().optional(),
  })
  .openapi('Problem');

/** An error response of a route, for `createRoute({ responses })`. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** What each problem status means when a route has nothing more specific to say. */
export const PROBLEM_MEANINGS = {
  400: 'Malformed request: the problem lists every field that failed (`errors`)',
  401: 'Not signed in: no token, or an expired or signed-out one',
  403: 'Signed in, but this needs a role or ownership you do not have',
  404: 'No such thing of yours',
  409: 'Conflicts with the current state (it exists already, or changed since you read it)',
  422: 'Well-formed but refused: control characters, a date out of range, a rule that never occurs',
  429: 'Too many requests: wait the seconds in `Retry-After`',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_MEANINGS;

/** The problem answers of a route, with their shared meanings: `responses: { 200: …, ...problems(404, 409) }`. */
export function problems<S extends ProblemStatus>(
  ...statuses: S[]
): Record<S, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(
    statuses.map((status) => [status, problemResponse(PROBLEM_MEANINGS[status])]),
  ) as Record<S, ReturnType<typeof problemResponse>>;
}

/** A JSON body or response of a route. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
});

/** Every capability route needs a bearer token. */
export const bearerSecurity = [{ bearer: [] }];

/** A route anyone may call (sign-in, a feed whose address is its credential): said explicitly. */
export const publicSecurity: Array<Record<string, string[]>> = [];

/**
 * One page of a list, the one shape every list answers: `items`, and `next_cursor` to pass back as
 * `cursor` for the next page (null on the last one).
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  });
