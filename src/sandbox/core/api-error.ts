import type { ResponseParameters } from '@grammyjs/types';

/** A Bot API failure, rendered as Telegram's `{ok:false,error_code,description,parameters?}` envelope. */
export class BotApiError extends Error {
  readonly code: number;
  readonly description: string;
  readonly parameters: ResponseParameters | undefined;

  constructor(code: number, description: string, parameters?: ResponseParameters) {
    super(description);
    this.name = 'BotApiError';
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }
}

export function badRequest(message: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${message}`);
}

export function forbidden(message: string): BotApiError {
  return new BotApiError(403, `Forbidden: ${message}`);
}

export function tooManyRequests(retryAfter: number): BotApiError {
  return new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

export function conflict(message: string): BotApiError {
  return new BotApiError(409, `Conflict: ${message}`);
}

/** A control-API failure (HTTP problem+json); carries the status and a human message. */
export class ControlError extends Error {
  readonly status: 400 | 404 | 409;
  readonly details: unknown;

  constructor(status: 400 | 404 | 409, message: string, details?: unknown) {
    super(message);
    this.name = 'ControlError';
    this.status = status;
    this.details = details;
  }
}
