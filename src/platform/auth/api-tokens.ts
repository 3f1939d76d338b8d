import { sign, verify } from 'hono/jwt';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';

export interface TokenClaims {
  /** Our user id (UUIDv7). */
  sub: string;
  tg: number | null;
  roles: Role[];
  /** How the token was obtained. */
  via: 'webapp' | 'bot';
}

export interface ApiTokens {
  mint(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<TokenClaims>;
}

/** Short-lived HS256 bearer tokens signed with a key derived from ENCRYPTION_KEY. */
export function createApiTokens(deps: { key: Buffer; ttlSeconds: number; now: () => Date }): ApiTokens {
  const secret = deps.key.toString('base64');
  return {
    async mint(claims) {
      const iat = Math.floor(deps.now().getTime() / 1000);
      const exp = iat + deps.ttlSeconds;
      const token = await sign({ ...claims, iat, exp, iss: 'secretary' }, secret, 'HS256');
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
      try {
        // Expiry is checked against the injected clock below, not the wall clock inside hono/jwt.
        const payload = await verify(token, secret, {
          alg: 'HS256',
          iss: 'secretary',
          exp: false,
          iat: false,
          nbf: false,
        });
        const exp = Number(payload.exp);
        if (!Number.isFinite(exp) || exp * 1000 <= deps.now().getTime()) throw new Error('expired');
        if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) throw new Error('malformed');
        return {
          sub: payload.sub,
          tg: typeof payload.tg === 'number' ? payload.tg : null,
          roles: payload.roles as Role[],
          via: payload.via === 'bot' ? 'bot' : 'webapp',
        };
      } catch (error) {
        throw new DomainError(
          'unauthorized',
          'token_invalid',
          `Bearer token rejected: ${(error as Error).message}`,
        );
      }
    },
  };
}
