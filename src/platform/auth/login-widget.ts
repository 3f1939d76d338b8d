import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import { stripControls } from '../http/safe-input.ts';
import type { TelegramProfile } from '../users/user-service.ts';

/** What the Telegram Login Widget hands the page's `data-onauth` callback. */
export interface LoginWidgetData {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  photo_url?: string | undefined;
  auth_date: number;
  hash: string;
}

/**
 * How old widget data may be. The widget's callback hands over data Telegram signed moments before
 * (auth_date is the login's time), so minutes are plenty; initData's 24 hours would let a copy
 * from a log or a browser history sign in all day.
 */
export const LOGIN_WIDGET_MAX_AGE_SECONDS = 600;

const invalid = (why: string) =>
  new DomainError('unauthorized', 'login_widget_invalid', `Telegram login rejected: ${why}`);

/** The signed fields as Telegram signs them: "key=value" lines, sorted, `hash` left out. */
function checkString(data: LoginWidgetData): string {
  return Object.entries(data)
    .filter(([key, value]) => key !== 'hash' && value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
}

/**
 * Checks Telegram Login Widget data (core.telegram.org/widgets/login#checking-authorization):
 * secret = SHA256(bot_token); hash = hex(HMAC_SHA256(secret, data-check-string)). Unlike Mini App
 * initData the secret is the token's plain hash, so one signature cannot pass for the other.
 */
export function validateLoginWidget(
  data: LoginWidgetData,
  botToken: string,
  options: { maxAgeSeconds: number; now: Date },
): { user: TelegramProfile; authDate: Date } {
  if (!/^[0-9a-f]{64}$/i.test(data.hash)) throw invalid('missing hash');
  const secret = createHash('sha256').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(checkString(data)).digest();
  const given = Buffer.from(data.hash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalid('signature mismatch');
  const ageSeconds = options.now.getTime() / 1000 - data.auth_date;
  if (ageSeconds > options.maxAgeSeconds)
    throw new DomainError(
      'unauthorized',
      'login_widget_expired',
      'This Telegram login is too old: log in with Telegram again',
    );
  if (ageSeconds < -300) throw invalid('auth_date is in the future');
  const firstName = stripControls(data.first_name).slice(0, 256);
  if (!firstName) throw invalid('no first name');
  return {
    user: {
      id: data.id,
      first_name: firstName,
      last_name: data.last_name === undefined ? undefined : stripControls(data.last_name).slice(0, 256),
      username: data.username === undefined ? undefined : stripControls(data.username).slice(0, 64),
      language_code: undefined,
    },
    authDate: new Date(data.auth_date * 1000),
  };
}

/** Signs widget data the way Telegram does; for tests and the sandbox. */
export function signLoginWidget(fields: Omit<LoginWidgetData, 'hash'>, botToken: string): LoginWidgetData {
  const secret = createHash('sha256').update(botToken).digest();
  const hash = createHmac('sha256', secret)
    .update(checkString({ ...fields, hash: '' }))
    .digest('hex');
  return { ...fields, hash };
}
