import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import { stripControls } from '../http/safe-input.ts';
import type { TelegramProfile } from '../users/user-service.ts';

export interface ValidInitData {
  user: TelegramProfile;
  authDate: Date;
  queryId?: string | undefined;
  chatType?: string | undefined;
  startParam?: string | undefined;
}

const invalid = (why: string) =>
  new DomainError('unauthorized', 'init_data_invalid', `initData rejected: ${why}`);

/**
 * Validates Telegram Mini App initData (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
 * secret = HMAC_SHA256("WebAppData", bot_token); hash = hex(HMAC_SHA256(secret, sorted "k=v" lines without hash)).
 */
export function validateInitData(
  initData: string,
  botToken: string,
  options: { maxAgeSeconds: number; now: Date },
): ValidInitData {
  if (typeof initData !== 'string' || initData.length === 0 || initData.length > 8192)
    throw invalid('empty or too long');
  const params = new URLSearchParams(initData);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) throw invalid('missing hash');
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) throw invalid('duplicate fields');
  const lines = [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(lines.join('\n')).digest();
  const given = Buffer.from(hash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalid('signature mismatch');

  const authDateSeconds = Number(params.get('auth_date'));
  if (!Number.isInteger(authDateSeconds) || authDateSeconds <= 0) throw invalid('bad auth_date');
  const ageSeconds = options.now.getTime() / 1000 - authDateSeconds;
  if (ageSeconds > options.maxAgeSeconds) {
    throw new DomainError('unauthorized', 'init_data_expired', 'initData expired: open the Mini App again', {
      age_seconds: Math.floor(ageSeconds),
    });
  }
  if (ageSeconds < -300) throw invalid('auth_date is in the future');

  const user = parseUser(params.get('user'));
  if (!user) throw invalid('no valid user field');
  return {
    user,
    authDate: new Date(authDateSeconds * 1000),
    queryId: params.get('query_id') ?? undefined,
    chatType: params.get('chat_type') ?? undefined,
    startParam: params.get('start_param') ?? undefined,
  };
}

const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const name = (value: unknown, max: number) =>
  typeof value === 'string' ? stripControls(value).slice(0, max) : undefined;

/**
 * The `user` field, checked field by field: Telegram signs what a client sent it, not that it is
 * sane. A positive integer id, a string first name, optional string extras (control characters
 * stripped, lengths bounded); anything else makes the whole initData invalid.
 */
function parseUser(json: string | null): TelegramProfile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? 'null');
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const u = raw as Record<string, unknown>;
  if (typeof u.id !== 'number' || !Number.isSafeInteger(u.id) || u.id <= 0) return null;
  const firstName = name(u.first_name, 256);
  if (!firstName) return null;
  for (const key of ['last_name', 'username', 'language_code'])
    if (u[key] !== undefined && u[key] !== null && typeof u[key] !== 'string') return null;
  const language =
    typeof u.language_code === 'string' && LANGUAGE.test(u.language_code) ? u.language_code : undefined;
  return {
    id: u.id,
    first_name: firstName,
    last_name: name(u.last_name, 256),
    username: name(u.username, 64),
    language_code: language,
  };
}

/** Builds signed initData the way Telegram does; used by the sandbox and tests. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const lines = Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secret).update(lines.join('\n')).digest('hex');
  const params = new URLSearchParams(fields);
  params.set('hash', hash);
  return params.toString();
}
