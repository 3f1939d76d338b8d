import { createHmac, randomBytes } from 'node:crypto';
import type { User } from '@grammyjs/types';

/** Signs Mini App init data the way Telegram does (HMAC-SHA256 keyed by the bot token). */
export function signInitData(botToken: string, fields: Record<string, string>): string {
  const dataCheckString = Object.keys(fields)
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secret).update(dataCheckString).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

export function buildInitData(input: {
  botToken: string;
  user: User;
  authDate: number;
  chat?: { instance: string; type: string } | undefined;
}): string {
  const { id, first_name, last_name, username, language_code } = input.user;
  const user = { id, first_name, last_name, username, language_code, allows_write_to_pm: true };
  const fields: Record<string, string> = {
    query_id: `AAH${randomBytes(12).toString('base64url')}`,
    user: JSON.stringify(user),
    auth_date: String(input.authDate),
  };
  if (input.chat) {
    fields.chat_instance = input.chat.instance;
    fields.chat_type = input.chat.type;
  }
  return signInitData(input.botToken, fields);
}

/** The Mini App launch URL: Telegram passes launch params in the hash. */
export function webAppLaunchUrl(baseUrl: string, initData: string): string {
  // A path ("/app/") is allowed: the browser chat resolves it against the sandbox's own origin.
  const relative = baseUrl.startsWith('/');
  const url = new URL(baseUrl, 'http://sandbox.invalid');
  url.hash = `tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=web`;
  return relative ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}
