import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * The SCRAM-SHA-256 verifier Postgres stores for a password (RFC 5802/7677, as psql's \password computes it).
 * Sent instead of the password, the password itself never reaches the server, its logs or pg_stat_activity, and
 * the statement holds only base64, `$` and `:`: nothing in it can end the literal.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  // Postgres runs SASLprep on the password first; for printable ASCII that changes nothing, and other passwords
  // are refused by checkReaderPassword rather than hashed in a way the server would not reproduce.
  const salted = pbkdf2Sync(Buffer.from(password, "utf8"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/** What a verifier looks like: checked again before it is written into a statement. */
export const scramVerifierPattern = /^SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/;
