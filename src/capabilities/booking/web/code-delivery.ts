import { appendFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { PRIVATE_FILE_MODE } from '../../../platform/fs/private-files.ts';
import type { Logger } from '../../../platform/observability/logger.ts';
import type { CodeDelivery } from './login-codes.ts';

export const DEV_CODES_FILE = 'login-codes.dev.log';

/**
 * There is no SMS or e-mail provider in this build. In development (sandbox mode) a code is
 * "delivered" to the log and to DATA_DIR/login-codes.dev.log (owner-only), where the developer
 * and the tests read it. Elsewhere, asking for a code says the server cannot send one: wire a real
 * `CodeDelivery` (an SMS or e-mail gateway) here for production.
 */
export function createCodeDelivery(deps: {
  development: boolean;
  dataDir: string;
  logger: Logger;
}): CodeDelivery {
  return async (identity, code) => {
    if (!deps.development)
      throw new DomainError(
        'unavailable',
        'booking_code_delivery_missing',
        'This server cannot send login codes yet; book through the Telegram bot instead',
      );
    const file = join(deps.dataDir, DEV_CODES_FILE);
    appendFileSync(file, `${JSON.stringify({ identity, code })}\n`, { mode: PRIVATE_FILE_MODE });
    chmodSync(file, PRIVATE_FILE_MODE);
    deps.logger.info({ identity, code }, 'development login code (no SMS/e-mail provider is wired)');
  };
}
