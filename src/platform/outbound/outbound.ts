import { createTransport } from 'nodemailer';
import type { OutboundConfig } from '../config/config.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * Messages to people who are not on Telegram (a web client's sign-in code): e-mail over SMTP
 * (nodemailer) and SMS through an HTTP webhook (any gateway behind a small adapter: POST JSON
 * `{to, text}`, optionally with a bearer token). A channel that is not configured is absent.
 */
export interface Outbound {
  email?: (message: { to: string; subject: string; text: string }) => Promise<void>;
  sms?: (message: { to: string; text: string }) => Promise<void>;
}

/** A channel refused or could not be reached; the caller says so to the person. */
export class OutboundError extends Error {
  override name = 'OutboundError';
}

const TIMEOUT_MS = 10_000;

export function createOutbound(config: OutboundConfig, logger: Logger): Outbound {
  const log = logger.child({ component: 'outbound' });
  const outbound: Outbound = {};
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    const transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    outbound.email = async ({ to, subject, text }) => {
      try {
        await transport.sendMail({ from: config.smtpFrom, to, subject, text });
      } catch (error) {
        log.warn({ err: error }, 'e-mail not sent');
        throw new OutboundError(`e-mail not sent: ${(error as Error).message}`);
      }
    };
  }
  if (config.smsWebhookUrl) {
    const url = config.smsWebhookUrl;
    outbound.sms = async ({ to, text }) => {
      let status: number;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(config.smsWebhookToken ? { authorization: `Bearer ${config.smsWebhookToken}` } : {}),
          },
          body: JSON.stringify({ to, text }),
          redirect: 'error',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = res.status;
        await res.body?.cancel();
      } catch (error) {
        log.warn({ err: error }, 'SMS webhook unreachable');
        throw new OutboundError(`SMS webhook unreachable: ${(error as Error).message}`);
      }
      if (status < 200 || status >= 300) {
        log.warn({ status }, 'SMS webhook refused the message');
        throw new OutboundError(`SMS webhook answered ${status}`);
      }
    };
  }
  return outbound;
}
