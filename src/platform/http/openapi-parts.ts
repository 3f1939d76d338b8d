import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as documented in OpenAPI (the shape every error response has). */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable error code' }),
    detail: z.string().optional(),
    trace_id: z.string().optional(),
  })
  .openapi('Problem');

/** An error response of a route, for `createRoute({ responses })`. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** A JSON body or response of a route. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
});

/** Every capability route needs a bearer token. */
export const bearerSecurity = [{ bearer: [] }];
