import type { MiddlewareHandler } from 'hono';
import type { ApiTokens } from '../auth/api-tokens.ts';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { UserService } from '../users/user-service.ts';
import type { AppEnv } from './app-env.ts';

/** Requires `Authorization: Bearer <token>`; loads the user so every handler knows who asks. */
export function requireAuth(deps: { tokens: ApiTokens; users: UserService }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new DomainError(
        'unauthorized',
        'token_missing',
        'Send Authorization: Bearer <token> (POST /api/v1/auth/webapp gives one)',
      );
    }
    const claims = await deps.tokens.verify(match[1]);
    const holder = await deps.users.getTokenHolder(claims.sub, claims.jti);
    if (!holder)
      throw new DomainError(
        'unauthorized',
        'token_invalid',
        'The token belongs to a user that no longer exists',
      );
    if (holder.tokenRevoked || holder.user.tokenVersion !== claims.tv)
      throw new DomainError('unauthorized', 'token_revoked', 'This token was signed out; sign in again');
    const user = holder.user;
    c.set('claims', claims);
    c.set('user', user);
    await next();
  };
}

/** Roles are read from the database on every request, so a revoked role takes effect at once. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('user').roles.includes(role)) {
      throw new DomainError('forbidden', 'role_required', `This needs the ${role} role`, { role });
    }
    await next();
  };
}
