import type { z } from "zod";
import { UsageError } from "../usage-error.ts";

/**
 * An environment variable holds a value its schema refuses. A usage error (exit 2 in the CLI); its message names
 * each variable and what it expects, and never the value of a variable that may hold a secret (DATABASE_URL,
 * PAPERPULSE_ADMIN_TOKEN): their schemas' messages leave the value out.
 */
export class EnvError extends UsageError {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(issues.join("; "));
    this.name = "EnvError";
    this.issues = issues;
  }
}

/** Parses variables with a schema whose keys are their names, or throws an EnvError naming every bad one. */
export function parseVariables<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.output<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}
