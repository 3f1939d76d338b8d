/** The user blocked the bot or deleted their account: do not send to them until they write again. */
export class BotBlockedError extends Error {
  readonly code = 'telegram_bot_blocked';
  readonly chatId: number | string;
  readonly description: string;
  constructor(chatId: number | string, description: string) {
    super(`Telegram refused to deliver to chat ${chatId}: ${description}`);
    this.name = 'BotBlockedError';
    this.chatId = chatId;
    this.description = description;
  }
}

/**
 * Telegram asked us to wait (429) longer than this caller may wait inline. `retryAt` is when the
 * call may be tried again; the pause is already stored, so every process respects it.
 */
export class TelegramRetryLaterError extends Error {
  readonly code = 'telegram_retry_later';
  readonly method: string;
  readonly retryAt: Date;
  constructor(method: string, retryAt: Date, reason: string) {
    super(`${method}: ${reason}; retry at ${retryAt.toISOString()}`);
    this.name = 'TelegramRetryLaterError';
    this.method = method;
    this.retryAt = retryAt;
  }
}

export type FailureKind = 'retry_after' | 'transient' | 'blocked' | 'permanent';

/** How the client treats a failed Bot API response. */
export function classifyResponse(
  errorCode: number,
  description: string,
  chatId: number | string | null,
): FailureKind {
  if (errorCode === 429) return 'retry_after';
  if (errorCode >= 500) return 'transient';
  if (errorCode === 403 && chatId !== null && isUserGone(description)) return 'blocked';
  return 'permanent';
}

// Only a private chat's 403s say the user is gone; "bot was kicked from the group chat" is about
// the chat and leaves the user alone.
function isUserGone(description: string): boolean {
  const text = description.toLowerCase();
  return text.includes('blocked by the user') || text.includes('user is deactivated');
}
