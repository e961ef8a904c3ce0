import { type Db, groupOrgs, listOrgGroups, type OrgGroup, ungroupOrgs } from "@paperpulse/db";
import type { CommandOutput } from "./command-output.ts";
import type { OrgsCommand } from "./parse-orgs-command.ts";

/** Lists or changes the organisation groups; a refused change (OrgGroupError) is thrown for the CLI to report. */
export async function runOrgsCommand(db: Db, command: OrgsCommand): Promise<CommandOutput> {
  switch (command.action) {
    case "list": {
      const groups = await listOrgGroups(db);
      return { exitCode: 0, text: describeGroups(groups), json: { groups } };
    }
    case "group": {
      const result = await groupOrgs(db, command.group, command.names);
      const added = result.added.length > 0 ? `added ${result.added.join(", ")} to` : "nothing to add to";
      const already = result.unchanged.length > 0 ? `; already in it: ${result.unchanged.join(", ")}` : "";
      return {
        exitCode: 0,
        text: [`${added} ${result.created ? "the new group" : "the group"} ${result.group}${already}`],
        json: result,
      };
    }
    case "ungroup": {
      const result = await ungroupOrgs(db, command.group, command.names);
      const text = result.groupRemoved
        ? `removed the group ${result.group} (its names ${result.removed.join(", ")} count apart again)`
        : `took ${result.removed.join(", ")} out of the group ${result.group}`;
      return { exitCode: 0, text: [text], json: result };
    }
  }
}

function describeGroups(groups: readonly OrgGroup[]): string[] {
  if (groups.length === 0)
    return ["no organisation groups (add one with: pnpm scrape orgs group GROUP NAME...)"];
  const n = (value: number) => value.toLocaleString("en");
  const lines = groups.flatMap((group) => {
    const width = Math.max(...group.members.map((m) => m.name.length), 0);
    return [
      `${group.name}: ${n(group.papers)} papers, ${group.members.length} names`,
      ...group.members.map((m) => {
        const seen =
          m.organization === null
            ? "  (no paper yet)"
            : m.organization !== m.name
              ? `  (papers say ${m.organization})`
              : "";
        return `  ${m.name.padEnd(width)}  ${n(m.papers).padStart(6)}${seen}`;
      }),
    ];
  });
  return [
    ...lines,
    `${groups.length} groups; papers keep Hugging Face's names. Change them with pnpm scrape orgs group / ungroup.`,
  ];
}
