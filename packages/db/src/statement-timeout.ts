/**
 * Whether an error is Postgres cancelling a statement that ran past its statement_timeout (SQLSTATE 57014),
 * however deeply the query builder wrapped it.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "57014") return true;
  }
  return false;
}
