import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse as parseDotenv } from 'dotenv';
import { VERSION } from '../app/version.ts';
import { adminGrantCommand } from './commands/admin.ts';
import { deadLettersCommand } from './commands/dead-letters.ts';
import { doctorCommand } from './commands/doctor.ts';
import { keysRotateCommand } from './commands/keys.ts';
import { migrateCommand } from './commands/migrate.ts';
import { runCommand } from './commands/run.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { exportCommand, importCommand } from './commands/snapshot.ts';

// Whatever this process creates (data files, keys, state) is the owner's alone: 0700 dirs, 0600 files.
process.umask(0o077);

// The one place that reads the environment: process variables win over an optional ./.env file.
const env: Record<string, string | undefined> = {
  ...(existsSync('.env') ? parseDotenv(readFileSync('.env')) : {}),
  ...process.env,
};

const program = new Command('secretary')
  .description('Secretary: a self-hosted Telegram assistant for tasks, reminders, notes and bookings')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start', { isDefault: true })
  .description(
    'run everything: HTTP API, bot, job workers (on the embedded PostgreSQL in DATA_DIR unless DATABASE_URL is set)',
  )
  .option('--workers <n>', 'also run this many worker processes (children of this one)', '0')
  .action((options: { workers: string }) => {
    const workers = Number(options.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 32) {
      process.stderr.write(`--workers must be a whole number from 0 to 32 (got "${options.workers}")\n`);
      process.exit(2);
    }
    return runCommand(env, { http: true, worker: true }, 'start', { workers });
  });
program
  .command('serve')
  .description(
    'run the HTTP API and webhook ingress only; run as many as you like (same DATA_DIR or DATABASE_URL)',
  )
  .action(() => runCommand(env, { http: true, worker: false }, 'serve'));
program
  .command('worker')
  .description('run job workers only; run as many as you like (same DATA_DIR or DATABASE_URL)')
  .action(() => runCommand(env, { http: false, worker: true }, 'worker'));
program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() => migrateCommand(env));
program
  .command('doctor')
  .description(
    'check the install: bot token and webhook vs the mode, database, migrations, workers taking jobs, dead letters; exits 1 with what to fix',
  )
  .option('--pings <n>', 'number of ping jobs', '10')
  .option('--timeout <seconds>', 'how long to wait for answers', '15')
  .action((options: { pings: string; timeout: string }) =>
    doctorCommand(env, Number(options.pings), Number(options.timeout)),
  );
program
  .command('dead-letters')
  .description(
    'list notifications and updates parked after failing every retry; --replay puts them back in line',
  )
  .option('--replay', 'requeue them all')
  .action((options: { replay?: boolean }) => deadLettersCommand(env, options.replay === true));
program
  .command('export')
  .description(
    'write a consistent snapshot of everything (jobs and pending reminders included) while it runs; see `import`',
  )
  .requiredOption('--out <file>', 'where to write it (gzip, mode 0600)')
  .option('--include-key', 'carry the encryption key in the file (then keep the file as secret as the key)')
  .action((options: { out: string; includeKey?: boolean }) =>
    exportCommand(env, { out: options.out, includeKey: options.includeKey === true }),
  );
program
  .command('import <file>')
  .description(
    'load a snapshot (from export or backup) into an EMPTY database: DATABASE_URL, or a fresh DATA_DIR',
  )
  .action((file: string) => importCommand(env, file));
program
  .command('backup')
  .description(
    'snapshot the running store without stopping it, key included, to DATA_DIR/backups; restore with `import`',
  )
  .option('--out <file>', 'where to write it (default: DATA_DIR/backups/secretary-<time>.snapshot.gz)')
  .option('--without-key', 'leave the encryption key out (then keep encryption.key with the backup yourself)')
  .action((options: { out?: string; withoutKey?: boolean }) =>
    exportCommand(env, {
      ...(options.out ? { out: options.out } : {}),
      includeKey: options.withoutKey === true ? false : 'if-present',
    }),
  );
program
  .command('sandbox')
  .description('run the local Telegram (Bot API emulator + browser chat) on its own, for any bot')
  .option('--port <port>', 'port to listen on', '8081')
  .option('--token <token>', 'bot token the emulator accepts', '123456789:sandbox-standalone-token')
  .option('--state <file>', 'persist state to this JSON file')
  .option('--no-limits', 'turn off Telegram rate limits')
  .action((options: { port: string; token: string; state?: string; limits: boolean }) =>
    sandboxCommand(options),
  );

const admin = program.command('admin').description('administration');
admin
  .command('grant <telegram_id>')
  .description('give a Telegram user the admin role (they need not have written to the bot yet)')
  .option('--role <role>', 'role to grant: admin or a role a capability declares', 'admin')
  .action((telegramId: string, options: { role: string }) =>
    adminGrantCommand(env, telegramId, options.role),
  );

const keys = program.command('keys').description('encryption keys of the text stored at rest');
keys
  .command('rotate')
  .description(
    're-encrypt all stored text under the current key (embedded: generates a new key first; with ENCRYPTION_KEY: set the new key and put the old one in ENCRYPTION_KEY_PREVIOUS before running)',
  )
  .action(() => keysRotateCommand(env));

await program.parseAsync(process.argv);
