/** What kind of failure it is; transports map kinds to statuses (HTTP) or localized replies (bot). */
export type ErrorKind =
  | 'invalid'
  /** Well-formed but unacceptable content: control characters, dates out of range, a rule that never occurs. */
  | 'unprocessable'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

/** A failure the caller can understand and act on. `code` is stable and documented; `details` carries data. */
export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(kind: ErrorKind, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
