import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('config', () => {
  it('defaults to embedded database and the sandbox with no variables at all', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './data', idleStopSeconds: 60 });
    expect(config.telegram.kind).toBe('sandbox');
    expect(config.telegram.apiRoot).toBe('http://127.0.0.1:3000');
    expect(config.logLevel).toBe('info');
  });

  it('picks polling with a token and webhook with a token and PUBLIC_URL', () => {
    const token = '123456:ABCDEFGHIJKLMNOP';
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token }).telegram).toEqual({
      kind: 'polling',
      token,
      apiRoot: 'https://api.telegram.org',
    });
    const webhook = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      PUBLIC_URL: 'https://bot.example.com',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
    });
    expect(webhook.telegram).toMatchObject({
      kind: 'webhook',
      publicUrl: 'https://bot.example.com',
      apiRoot: 'http://127.0.0.1:8081',
    });
  });

  it('points the Mini App at MINI_APP_URL, else at /app/ of an https PUBLIC_URL', () => {
    const token = '123456:ABCDEFGHIJKLMNOP';
    expect(loadConfig({}).miniAppUrl).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token, PUBLIC_URL: 'https://bot.example.com/' }).miniAppUrl).toBe(
      'https://bot.example.com/app/',
    );
    // Telegram opens only https Mini Apps: a plain-http PUBLIC_URL gives no menu button.
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' }).miniAppUrl).toBeUndefined();
    expect(
      loadConfig({ PUBLIC_URL: 'https://bot.example.com', MINI_APP_URL: 'https://app.example.com/' })
        .miniAppUrl,
    ).toBe('https://app.example.com/');
  });

  it('names every bad variable at once, with a hint', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://nope',
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      LOG_LEVEL: 'loud',
    });
    expect(problems.find((p) => p.startsWith('PORT'))).toMatch(/PORT \(got "abc"\): must be a number/);
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith('TELEGRAM_BOT_TOKEN'))).toMatch(/BotFather/);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL'))).toBe(true);
    // A bad token is shown redacted, never in full.
    expect(problems.join('\n')).not.toContain('not-a-token');
  });

  it('requires ENCRYPTION_KEY with a server database, and hides passwords in messages', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://u:secret@db:5432/x' });
    expect(problems).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY: is required when DATABASE_URL is set/),
    ]);
    const withKey = loadConfig({
      DATABASE_URL: 'postgres://u:secret@db:5432/x',
      ENCRYPTION_KEY: 'k'.repeat(32),
    });
    expect(withKey.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:secret@db:5432/x',
      preparedStatements: true,
    });
  });

  it('rejects ports out of range and a malformed admin list', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/0–65535/);
    expect(problemsOf({ ADMIN_TELEGRAM_IDS: '12,abc' })[0]).toMatch(/^ADMIN_TELEGRAM_IDS/);
    expect(loadConfig({ ADMIN_TELEGRAM_IDS: '12, 34' }).adminTelegramIds).toEqual([12, 34]);
  });

  it('reads the companion settings, refusing anything but whole days', () => {
    expect(loadConfig({}).companion).toEqual({ retentionDays: 90, inactiveDays: 3 });
    expect(loadConfig({ COMPANION_RETENTION_DAYS: '30', COMPANION_INACTIVE_DAYS: '7' }).companion).toEqual({
      retentionDays: 30,
      inactiveDays: 7,
    });
    expect(problemsOf({ COMPANION_INACTIVE_DAYS: '1.5' })[0]).toMatch(
      /^COMPANION_INACTIVE_DAYS.*whole number of days/,
    );
    expect(problemsOf({ COMPANION_RETENTION_DAYS: '0' })[0]).toMatch(/^COMPANION_RETENTION_DAYS/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).database.kind).toBe('embedded');
  });
});
