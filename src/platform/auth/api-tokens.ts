import { randomUUID } from 'node:crypto';
import { sign, verify } from 'hono/jwt';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';

export interface TokenClaims {
  /** Our user id (UUIDv7). */
  sub: string;
  tg: number | null;
  roles: Role[];
  /** How the token was obtained. */
  via: 'webapp' | 'bot' | 'otp';
  /** The user's token_version when minted; a bump ("sign out everywhere") revokes the token. */
  tv: number;
}

/** What a verified token says, plus its own id and expiry (for signing out this one token). */
export interface VerifiedClaims extends TokenClaims {
  jti: string;
  expiresAt: Date;
}

export interface ApiTokens {
  mint(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<VerifiedClaims>;
}

/** Short-lived HS256 bearer tokens signed with a key derived from ENCRYPTION_KEY. */
export function createApiTokens(deps: { key: Buffer; ttlSeconds: number; now: () => Date }): ApiTokens {
  const secret = deps.key.toString('base64');
  return {
    async mint(claims) {
      const iat = Math.floor(deps.now().getTime() / 1000);
      const exp = iat + deps.ttlSeconds;
      const token = await sign({ ...claims, jti: randomUUID(), iat, exp, iss: 'secretary' }, secret, 'HS256');
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
        if (
          typeof payload.sub !== 'string' ||
          !Array.isArray(payload.roles) ||
          typeof payload.jti !== 'string' ||
          !Number.isSafeInteger(payload.tv)
        )
          throw new Error('malformed');
        return {
          sub: payload.sub,
          tg: typeof payload.tg === 'number' ? payload.tg : null,
          roles: payload.roles as Role[],
          via: payload.via === 'bot' || payload.via === 'otp' ? payload.via : 'webapp',
          tv: payload.tv as number,
          jti: payload.jti,
          expiresAt: new Date(exp * 1000),
        };
      } catch (error) {
        // hono/jwt puts the whole token into some messages: name the reason, never echo the token.
        throw new DomainError('unauthorized', 'token_invalid', `Bearer token rejected: ${rejection(error)}`);
      }
    },
  };
}

const REASONS: Record<string, string> = {
  expired: 'expired',
  malformed: 'malformed',
  JwtTokenSignatureMismatched: 'bad signature',
  JwtTokenIssuer: 'wrong issuer',
  JwtAlgorithmMismatch: 'wrong algorithm',
  JwtHeaderInvalid: 'malformed',
  JwtTokenInvalid: 'malformed',
};

function rejection(error: unknown): string {
  const { name, message } = error as Error;
  return REASONS[message] ?? REASONS[name] ?? 'invalid';
}
