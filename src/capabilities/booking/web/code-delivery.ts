import { appendFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { PRIVATE_FILE_MODE } from '../../../platform/fs/private-files.ts';
import type { Logger } from '../../../platform/observability/logger.ts';
import { type Outbound, OutboundError } from '../../../platform/outbound/outbound.ts';
import type { CodeDelivery } from './login-codes.ts';

export const DEV_CODES_FILE = 'login-codes.dev.log';

type Translate = (language: string, key: string, vars?: Record<string, string | number>) => string;

/**
 * Sends a web client's sign-in code: to an e-mail address over SMTP (SMTP_URL), to a phone by the
 * SMS webhook (SMS_WEBHOOK_URL). Without the channel the identity needs, development (sandbox
 * mode) writes the code to the log and to DATA_DIR/login-codes.dev.log (owner-only), where the
 * developer and the tests read it; elsewhere the person is told the server cannot send it.
 */
export function createCodeDelivery(deps: {
  development: boolean;
  dataDir: string;
  logger: Logger;
  outbound: Outbound;
  t: Translate;
}): CodeDelivery {
  const { outbound, t } = deps;
  return async (identity, code, language) => {
    const text = t(language, 'booking-code-message', { code });
    try {
      if (identity.includes('@') && outbound.email) {
        await outbound.email({ to: identity, subject: t(language, 'booking-code-subject'), text });
        return;
      }
      if (!identity.includes('@') && outbound.sms) {
        await outbound.sms({ to: identity, text });
        return;
      }
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      throw new DomainError(
        'unavailable',
        'booking_code_not_sent',
        'The code could not be sent just now; try again in a minute, or book through the Telegram bot',
      );
    }
    if (!deps.development)
      throw new DomainError(
        'unavailable',
        'booking_code_delivery_missing',
        identity.includes('@')
          ? 'This server cannot send codes by e-mail; use a phone number or book through the Telegram bot'
          : 'This server cannot send codes by SMS; use an e-mail address or book through the Telegram bot',
      );
    const file = join(deps.dataDir, DEV_CODES_FILE);
    appendFileSync(file, `${JSON.stringify({ identity, code })}\n`, { mode: PRIVATE_FILE_MODE });
    chmodSync(file, PRIVATE_FILE_MODE);
    deps.logger.info(
      { identity, code },
      'development login code (no SMS/e-mail channel for it is configured)',
    );
  };
}
