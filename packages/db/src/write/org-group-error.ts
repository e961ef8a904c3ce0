import { orgNameSchema } from "@paperpulse/schema";

/** A change to the organisation groups that cannot be made, with why; nothing was changed when it is thrown. */
export class OrgGroupError extends Error {
  constructor(
    readonly code: "ORG_NAME_INVALID" | "ORG_IN_OTHER_GROUP" | "ORG_GROUP_UNKNOWN" | "ORG_NOT_IN_GROUP",
    message: string,
  ) {
    super(message);
    this.name = "OrgGroupError";
  }
}

/** The name as stored (trimmed), or an error saying what is wrong with it; `what` names it in the message. */
export function readOrgName(value: string, what: string): string {
  const parsed = orgNameSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new OrgGroupError(
    "ORG_NAME_INVALID",
    `${what} ${JSON.stringify(value)} ${parsed.error.issues[0]?.message ?? "is not valid"}`,
  );
}

/** The names without repeats, whatever their case: the first spelling given is kept. */
export function dedupeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
