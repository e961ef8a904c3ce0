import { orgNameSchema } from "@paperpulse/schema";
import { UsageError } from "../usage-error.ts";

export type OrgsCommand =
  | { name: "orgs"; action: "list" }
  | { name: "orgs"; action: "group" | "ungroup"; group: string; names: string[] };

/** `orgs list`, `orgs group GROUP NAME...`, `orgs ungroup GROUP [NAME...]`; names checked before the database opens. */
export function parseOrgsCommand(args: readonly string[]): OrgsCommand {
  const [action, group, ...names] = args;
  switch (action) {
    case "list":
      if (args.length > 1) throw new UsageError(`orgs list takes no arguments, got ${args.length - 1}`);
      return { name: "orgs", action };
    case "group":
    case "ungroup": {
      if (group === undefined) throw new UsageError(`orgs ${action} needs a GROUP`);
      if (action === "group" && names.length === 0) {
        throw new UsageError("orgs group needs a GROUP and at least one organisation NAME");
      }
      return {
        name: "orgs",
        action,
        group: readName(group, "GROUP"),
        names: names.map((name) => readName(name, "NAME")),
      };
    }
    default:
      throw new UsageError(
        action === undefined
          ? "orgs needs list, group or ungroup"
          : `unknown orgs command ${JSON.stringify(action)}: list, group or ungroup`,
      );
  }
}

function readName(value: string, what: string): string {
  const parsed = orgNameSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(
    `${what} ${JSON.stringify(value)} ${parsed.error.issues[0]?.message ?? "is not valid"}`,
  );
}
