import type { Config } from '../platform/config/config.ts';
import { assertKeyringOpensAll, resealColumns } from '../platform/crypto/encrypted-columns.ts';
import { installKeyring } from '../platform/crypto/encrypted-text.ts';
import { createKeyring, type Keyring } from '../platform/crypto/keyring.ts';
import { previousKeys } from '../platform/crypto/keys.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/observability/logger.ts';

/**
 * The keyring for text at rest, installed for this process once the schema is migrated: refuses a
 * key that cannot open what is stored (rather than failing on someone's first read) and encrypts
 * rows written before encryption existed.
 */
export async function openTextKeyring(
  config: Config,
  masterKey: string,
  database: Database,
  logger: Logger,
): Promise<Keyring> {
  const keyring = createKeyring({
    current: masterKey,
    previous: previousKeys({ configured: config.previousEncryptionKeys, dataDir: config.dataDir }),
  });
  const lookalikes = await assertKeyringOpensAll(database.raw, keyring);
  installKeyring(keyring);
  if (lookalikes.length)
    logger.warn(
      { columns: lookalikes.map(({ table, column, lookalikes: values }) => ({ table, column, values })) },
      'stored text that starts like encrypted text but is not (typed by someone): treated as plaintext and encrypted now',
    );
  const sealed = (await resealColumns(database.raw, keyring, 'plaintext'))
    .filter((c) => c.resealed > 0)
    .map(({ table, column, resealed }) => ({ table, column, resealed }));
  if (sealed.length) logger.info({ sealed }, 'encrypted text stored before encryption at rest');
  return keyring;
}

/** Sandbox mode reachable from the network: say so where a developer cannot miss it. */
export function warnSandboxExposed(logger: Logger, host: string, port: number): void {
  const lines = [
    '!!! SANDBOX MODE IS LISTENING BEYOND THIS MACHINE !!!',
    `HOST=${host} was set explicitly. The local Telegram at :${port}/sandbox lets anyone who can`,
    'reach this port sign in as any user (admins included) and read every chat. It is a dev tool:',
    'unset HOST (loopback only) or set TELEGRAM_BOT_TOKEN for a real bot.',
  ];
  logger.warn({ host, port }, lines.join('\n'));
  // The log may be silent or JSON-only; a developer running it by hand must still see this.
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
}
