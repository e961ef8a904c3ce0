/** Postgres reserves these names, or they mean something else where a role is expected. */
const reservedRoleNames = new Set([
  "public",
  "none",
  "current_user",
  "session_user",
  "current_role",
  "user",
  "all",
]);

/**
 * Why a reader role name is refused, or undefined when it is fine: lower-case letters, digits and `_`, as an
 * unquoted Postgres identifier reads (so `psql -U name` and connection URLs need no quoting), at most 63 bytes.
 */
export function checkRoleName(name: string): string | undefined {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    return "must start with a lower-case letter or _ and hold only lower-case letters, digits and _";
  }
  if (name.length > 63) return "must be at most 63 characters (Postgres truncates longer names)";
  if (name.startsWith("pg_")) return "must not start with pg_ (reserved by Postgres)";
  if (reservedRoleNames.has(name)) return "is reserved by Postgres";
  return undefined;
}

/**
 * Why a reader password is refused, or undefined. Printable ASCII only: Postgres normalises other passwords
 * (SASLprep) before hashing them, which the verifier computed here would not match.
 */
export function checkReaderPassword(password: string): string | undefined {
  if (password.length === 0) return "is empty";
  if (!/^[\x20-\x7e]+$/.test(password)) return "must hold only printable ASCII characters";
  return undefined;
}
