/**
 * Whether a failed statement broke a unique constraint (SQLSTATE 23505), looked for along the
 * cause chain: Drizzle wraps the driver's error in its own. This is what a check-then-insert
 * loses to a concurrent twin, so it is a conflict to report, never an internal error.
 */
export function isUniqueViolation(error: unknown): boolean {
  let e = error as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

/** The violated constraint's name, for the log (never for the caller: it names our schema). */
export function violatedConstraint(error: unknown): string | undefined {
  let e = error as { constraint?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e)
    if (typeof e.constraint === 'string') return e.constraint;
  return undefined;
}
