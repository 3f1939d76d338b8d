import type { OpenAPIHono } from '@hono/zod-openapi';
import type { VerifiedClaims } from '../auth/api-tokens.ts';
import type { User } from '../users/user-service.ts';

/** Per-request variables every route can read. `user` is set by the bearer auth middleware. */
export type AppEnv = {
  Variables: {
    requestId: string;
    user: User;
    claims: VerifiedClaims;
  };
};

export type ApiApp = OpenAPIHono<AppEnv>;
