import { z } from 'zod';
import { type AiConfig, aiConfigSchema, aiEnvSchema } from '../ai/ai-config.ts';
import { parseTrustProxy, TRUST_PROXY_HELP, type TrustProxy } from '../http/trusted-proxies.ts';

/** How the bot reaches Telegram; decided by which variables are set (SPEC 3.3). */
export type TelegramMode =
  | { kind: 'sandbox'; token: string; apiRoot: string }
  | { kind: 'polling'; token: string; apiRoot: string }
  | { kind: 'webhook'; token: string; apiRoot: string; publicUrl: string };

/** Where the data lives: the embedded PostgreSQL in a directory, or an external PostgreSQL server. */
export type DatabaseTarget =
  /** `idleStopSeconds`: a keeper stops the server after this long with no app process on it (0: never). */
  | { kind: 'embedded'; dataDir: string; idleStopSeconds?: number }
  /** `preparedStatements`: off behind a pooler that cannot keep them (PgBouncer in transaction mode). */
  | { kind: 'postgres'; url: string; preparedStatements: boolean };

/** Where codes and notices go for people without Telegram (web clients). */
export interface OutboundConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset = no e-mail. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** An HTTP endpoint that sends an SMS: POST JSON `{to, text}`; unset = no SMS. */
  smsWebhookUrl: string | undefined;
  /** Sent as `Authorization: Bearer …` to the SMS webhook when set. */
  smsWebhookToken: string | undefined;
}

export interface Config {
  /** How updates come in: long polling or webhook (`auto`: webhook iff PUBLIC_URL is set with a token). */
  ingress: 'polling' | 'webhook';
  port: number;
  /** Where a `worker` process answers /healthz, /readyz and /metrics (0: any free port, logged). */
  workerPort: number;
  /** 127.0.0.1 in sandbox mode unless HOST is set; 0.0.0.0 otherwise. */
  host: string;
  /** Sandbox mode listening beyond loopback because HOST was set explicitly: warn loudly at start. */
  sandboxExposed: boolean;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken: string | undefined;
  /** Old master keys still accepted for reading encrypted text (key rotation). */
  previousEncryptionKeys: readonly string[];
  dataDir: string;
  database: DatabaseTarget;
  /** Connections of this process's query pool (the job queue holds 5 more, the alert lock 1). */
  databasePoolSize: number;
  telegram: TelegramMode;
  publicUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Unset in embedded mode until the key file in DATA_DIR is read or created (see encryption-key.ts). */
  encryptionKey: string | undefined;
  adminTelegramIds: readonly number[];
  tokenTtlSeconds: number;
  /** API requests per user per minute (per serving process). */
  apiRateLimitPerMinute: number;
  updateRetentionDays: number;
  /** When set, the chat's menu button opens this Mini App. */
  miniAppUrl: string | undefined;
  /** Our own sending limits toward Telegram (per chat ~1/s, per group 20/min, bulk per second); `off` for benchmarks. */
  telegramLimits: { enabled: boolean; globalPerSecond: number };
  /** More than maxUpdates from one person within windowSeconds: one warning, then ignored for muteSeconds. */
  flood: { maxUpdates: number; windowSeconds: number; muteSeconds: number };
  initDataMaxAgeSeconds: number;
  /** Proxies whose X-Forwarded-For is believed: only a socket peer in `networks` is (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** LLM and speech-to-text providers; offline (nothing leaves the machine) unless configured. */
  ai: AiConfig;
  /** Companion: days a conversation turn is kept; days without activity before a nudge. */
  companion: { retentionDays: number; inactiveDays: number };
  outbound: OutboundConfig;
  /** Operator alerts to admins: how often they are checked; the least time between two of one kind. */
  alerts: { checkSeconds: number; repeatMinutes: number };
}

/** Token the sandbox bot uses when no real token is configured; the sandbox accepts any well-formed token. */
export const SANDBOX_BOT_TOKEN = '7000000001:sandbox-local-token';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const envSchema = z
  .object({
    PORT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(0, 'must be 0–65535')
        .max(65535, 'must be 0–65535')
        .default(3000),
    ),
    // One per worker: `start --workers N` gives its children WORKER_PORT, WORKER_PORT+1, …
    WORKER_PORT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(0, 'must be 0–65535 (0: any free port)')
        .max(65535, 'must be 0–65535 (0: any free port)')
        .default(3001),
    ),
    HOST: z.preprocess(blankToUndefined, z.string().optional()),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(
          isPostgresUrl,
          'must be a postgres:// or postgresql:// URL, e.g. postgres://user:pass@host:5432/db',
        )
        .optional(),
    ),
    DATABASE_PREPARED_STATEMENTS: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
    EMBEDDED_IDLE_STOP_SECONDS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number of seconds')
        .min(0, 'must be 0 (never) to 86400')
        .max(86_400, 'must be 0 (never) to 86400')
        .default(60),
    ),
    DATABASE_POOL_SIZE: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(2, 'must be 2–200 (the poller lock holds one while leading)')
        .max(200, 'must be 2–200')
        .default(10),
    ),
    TELEGRAM_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{10,}$/, 'must look like 123456789:AA… (the token @BotFather gave you)')
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(
      blankToUndefined,
      z.url({ error: 'must be a URL such as https://api.telegram.org' }).default('https://api.telegram.org'),
    ),
    PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ error: 'must be an http(s) URL such as https://bot.example.com' })
        .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
        .optional(),
    ),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    ENCRYPTION_KEY: z.preprocess(
      blankToUndefined,
      z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
    ),
    ENCRYPTION_KEY_PREVIOUS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(
          (v) => v.split(',').every((k) => k.trim().length >= 32),
          'must be a comma-separated list of old keys, each at least 32 characters',
        )
        .optional(),
    ),
    METRICS_TOKEN: z.preprocess(
      blankToUndefined,
      z.string().min(16, 'must be at least 16 characters (try: openssl rand -hex 16)').optional(),
    ),
    ADMIN_TELEGRAM_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be a comma-separated list of numeric Telegram user ids')
        .optional(),
    ),
    TELEGRAM_INGRESS: z.preprocess(blankToUndefined, z.enum(['auto', 'polling', 'webhook']).default('auto')),
    MINI_APP_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ error: 'must be an https URL of the Mini App' })
        .refine(
          (u) =>
            u.startsWith('https://') || u.startsWith('http://127.0.0.1') || u.startsWith('http://localhost'),
          'must use https (Telegram opens only https Mini Apps)',
        )
        .optional(),
    ),
    TELEGRAM_LIMITS: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
    TELEGRAM_BULK_PER_SECOND: z.coerce.number().min(1).max(1000).default(30),
    FLOOD_MAX_UPDATES: z.coerce.number().int().min(1).max(100_000).default(20),
    FLOOD_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    FLOOD_MUTE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    UPDATE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    SMTP_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ error: 'must be a URL such as smtp://user:password@mail.example.com:587' })
        .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
        .optional(),
    ),
    SMTP_FROM: z.preprocess(
      blankToUndefined,
      z.string().min(3).max(200).default('Secretary <no-reply@localhost>'),
    ),
    SMS_WEBHOOK_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ error: 'must be an http(s) URL that accepts POST {"to","text"}' })
        .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
        .optional(),
    ),
    SMS_WEBHOOK_TOKEN: z.preprocess(blankToUndefined, z.string().min(1).max(500).optional()),
    ALERT_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    ALERT_REPEAT_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
    COMPANION_RETENTION_DAYS: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1)
      .max(3650)
      .default(90),
    COMPANION_INACTIVE_DAYS: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1)
      .max(365)
      .default(3),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    TRUST_PROXY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('false')
        .transform((v, ctx) => {
          const trust = parseTrustProxy(v);
          if (!trust) ctx.addIssue({ code: 'custom', message: TRUST_PROXY_HELP });
          return trust ?? { networks: [], maxHops: 0 };
        }),
    ),
    INIT_DATA_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(30)
      .max(7 * 86_400)
      .default(86_400),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message:
          'is required when DATABASE_URL is set (every process must share it; try: openssl rand -base64 32)',
      });
    }
  });

/** Every environment variable the configuration reads (the README's table and .env.example list them). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(envSchema.shape),
  ...Object.keys(aiEnvSchema.shape),
];

const isLoopbackAddress = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  readonly code = 'config_invalid';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `Configuration is invalid:\n${problems.map((p) => `  • ${p}`).join('\n')}\n` +
        'Fix these environment variables (or the .env file) and start again.',
    );
    this.problems = problems;
  }
}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const ai = aiConfigSchema.safeParse(env);
  if (!parsed.success || !ai.success) {
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...(ai.success ? [] : ai.error.issues)];
    const problems = issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const shown = env[name] === undefined ? '' : ` (got ${JSON.stringify(redact(name, env[name] ?? ''))})`;
      return `${name}${shown}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const token = e.TELEGRAM_BOT_TOKEN;
  const telegram: TelegramMode = !token
    ? { kind: 'sandbox', token: SANDBOX_BOT_TOKEN, apiRoot: `http://127.0.0.1:${e.PORT}` }
    : e.PUBLIC_URL
      ? { kind: 'webhook', token, apiRoot: e.TELEGRAM_API_ROOT, publicUrl: e.PUBLIC_URL }
      : { kind: 'polling', token, apiRoot: e.TELEGRAM_API_ROOT };
  const ingress =
    e.TELEGRAM_INGRESS === 'auto'
      ? telegram.kind === 'webhook'
        ? 'webhook'
        : 'polling'
      : e.TELEGRAM_INGRESS;
  if (ingress === 'webhook' && telegram.kind === 'polling') {
    throw new ConfigError([
      'TELEGRAM_INGRESS: webhook needs PUBLIC_URL (the address Telegram can reach this server at)',
    ]);
  }
  return {
    ingress,
    updateRetentionDays: e.UPDATE_RETENTION_DAYS,
    alerts: { checkSeconds: e.ALERT_CHECK_SECONDS, repeatMinutes: e.ALERT_REPEAT_MINUTES },
    companion: { retentionDays: e.COMPANION_RETENTION_DAYS, inactiveDays: e.COMPANION_INACTIVE_DAYS },
    outbound: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      smsWebhookUrl: e.SMS_WEBHOOK_URL,
      smsWebhookToken: e.SMS_WEBHOOK_TOKEN,
    },
    // The Mini App is served by this server under /app/: with an https PUBLIC_URL that is its
    // address unless MINI_APP_URL names another (Telegram opens only https Mini Apps).
    miniAppUrl:
      e.MINI_APP_URL ??
      (e.PUBLIC_URL?.startsWith('https://') ? `${e.PUBLIC_URL.replace(/\/+$/, '')}/app/` : undefined),
    telegramLimits: { enabled: e.TELEGRAM_LIMITS === 'on', globalPerSecond: e.TELEGRAM_BULK_PER_SECOND },
    flood: {
      maxUpdates: e.FLOOD_MAX_UPDATES,
      windowSeconds: e.FLOOD_WINDOW_SECONDS,
      muteSeconds: e.FLOOD_MUTE_SECONDS,
    },
    port: e.PORT,
    workerPort: e.WORKER_PORT,
    // The sandbox mints logins for anyone who asks and uses a public token: loopback unless told.
    host: e.HOST ?? (telegram.kind === 'sandbox' ? '127.0.0.1' : '0.0.0.0'),
    sandboxExposed: telegram.kind === 'sandbox' && e.HOST !== undefined && !isLoopbackAddress(e.HOST),
    metricsToken: e.METRICS_TOKEN,
    previousEncryptionKeys: (e.ENCRYPTION_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    dataDir: e.DATA_DIR,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          preparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
        }
      : { kind: 'embedded', dataDir: e.DATA_DIR, idleStopSeconds: e.EMBEDDED_IDLE_STOP_SECONDS },
    databasePoolSize: e.DATABASE_POOL_SIZE,
    telegram,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    encryptionKey: e.ENCRYPTION_KEY,
    adminTelegramIds: (e.ADMIN_TELEGRAM_IDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number),
    tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    initDataMaxAgeSeconds: e.INIT_DATA_MAX_AGE_SECONDS,
    trustProxy: e.TRUST_PROXY,
    ai: ai.data,
  };
}

function redact(name: string, value: string): string {
  if (/TOKEN|KEY|SECRET|PASSWORD/.test(name))
    return value.length > 4 ? `${value.slice(0, 2)}…(redacted)` : '…';
  if (name === 'DATABASE_URL') return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return value;
}
