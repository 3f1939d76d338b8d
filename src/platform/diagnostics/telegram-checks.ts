import { Api, GrammyError, HttpError } from 'grammy';
import type { Config } from '../config/config.ts';
import { WEBHOOK_PATH } from '../inbox/webhook-routes.ts';

/** One line of `secretary doctor`: `fail` makes it exit non-zero; `fix` says what to do. */
export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}

const TIMEOUT_SECONDS = 10;

function unreachable(config: Config, error: unknown): Check {
  if (error instanceof GrammyError && error.error_code === 401)
    return {
      name: 'telegram token',
      status: 'fail',
      detail: 'Telegram refuses TELEGRAM_BOT_TOKEN (401 Unauthorized)',
      fix: 'copy the token again from @BotFather (/mybots → your bot → API Token); a revoked token stops working at once',
    };
  const why = error instanceof HttpError ? String(error.error) : (error as Error).message;
  return {
    name: 'telegram token',
    status: 'fail',
    detail: `cannot reach ${config.telegram.apiRoot}: ${why}`,
    fix: 'check the network and TELEGRAM_API_ROOT (unset means https://api.telegram.org)',
  };
}

/**
 * The bot token (`getMe`) and the update route (`getWebhookInfo`) against the configured mode: a
 * webhook that points elsewhere, or one left set while polling, silently starves the bot.
 */
export async function checkTelegram(config: Config): Promise<Check[]> {
  if (config.telegram.kind === 'sandbox')
    return [
      {
        name: 'telegram',
        status: 'skip',
        detail: 'sandbox mode (no TELEGRAM_BOT_TOKEN): the local Telegram',
      },
    ];
  const api = new Api(config.telegram.token, {
    apiRoot: config.telegram.apiRoot,
    timeoutSeconds: TIMEOUT_SECONDS,
  });
  let me: Awaited<ReturnType<Api['getMe']>>;
  try {
    me = await api.getMe();
  } catch (error) {
    return [unreachable(config, error)];
  }
  const checks: Check[] = [{ name: 'telegram token', status: 'ok', detail: `@${me.username} (id ${me.id})` }];
  const info = await api.getWebhookInfo().catch((error: unknown) => error as Error);
  if (info instanceof Error) return [...checks, { ...unreachable(config, info), name: 'telegram webhook' }];

  const expected =
    config.ingress === 'webhook' && config.publicUrl
      ? `${config.publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`
      : '';
  const name = 'telegram webhook';
  if (config.ingress === 'polling') {
    checks.push(
      info.url === ''
        ? { name, status: 'ok', detail: 'no webhook set: long polling receives the updates' }
        : {
            name,
            status: 'fail',
            detail: `a webhook is set (${info.url}), so Telegram hands no updates to long polling`,
            fix: 'start `secretary serve` (polling removes the webhook at start), or set PUBLIC_URL for webhook mode',
          },
    );
  } else if (info.url === expected) {
    checks.push({
      name,
      status: 'ok',
      detail: `${info.url}, ${info.pending_update_count} update(s) pending`,
    });
    if (info.last_error_message && info.last_error_date && Date.now() / 1000 - info.last_error_date < 3600)
      checks.push({
        name: 'telegram delivery',
        status: 'warn',
        detail: `Telegram's last delivery error (${new Date(info.last_error_date * 1000).toISOString()}): ${info.last_error_message}`,
        fix: 'check that PUBLIC_URL reaches a running `serve` through your proxy (a valid https certificate)',
      });
  } else {
    checks.push({
      name,
      status: 'fail',
      detail: info.url ? `the webhook points at ${info.url}, not ${expected}` : 'no webhook is registered',
      fix: `start \`secretary serve\` with PUBLIC_URL=${config.publicUrl ?? '…'} (it registers ${expected || 'the webhook'} at start)`,
    });
  }
  return checks;
}
