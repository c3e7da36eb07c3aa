/** The fields a database driver's error carries (SQLSTATE `code`, the `column` of a not-null violation…). */
export interface DatabaseErrorFields {
  code?: unknown;
  column?: unknown;
}

/**
 * Whether the error, or one of its causes, passes `test`: Drizzle wraps the driver's error (the one
 * with Postgres' fields) as `cause`, and callers may wrap it again.
 */
export function hasCause(error: unknown, test: (cause: DatabaseErrorFields) => boolean): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (typeof cause === "object" && test(cause as DatabaseErrorFields)) return true;
  }
  return false;
}
