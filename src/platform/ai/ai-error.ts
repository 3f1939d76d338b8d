export type AiErrorCode =
  | 'stt_not_configured'
  | 'stt_failed'
  | 'provider_failed'
  | 'provider_unavailable'
  | 'malformed_output'
  | 'invalid_input';

/** A coded AI failure; transports map `code` to a reply, the message carries context for logs. */
export class AiError extends Error {
  readonly code: AiErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    code: AiErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AiError';
    this.code = code;
    this.details = details;
  }
}

export function isAiError(error: unknown): error is AiError {
  return error instanceof AiError;
}
