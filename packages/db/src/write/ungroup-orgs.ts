import { sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { findGroup } from "./group-orgs.ts";
import { dedupeNames, OrgGroupError, readOrgName } from "./org-group-error.ts";

export type UngroupOrgsResult = {
  /** The group's name as stored. */
  group: string;
  /** The names taken out, as stored. */
  removed: string[];
  /** The group itself went: no names were given, or none of its names is left. */
  groupRemoved: boolean;
};

/**
 * Takes names out of a group (whatever their case), or removes the whole group when no names are given; a group
 * left without names goes too. An unknown group, or a name that is not in it, is refused and nothing changes.
 * Papers keep their organisation: views show the names apart again.
 */
export async function ungroupOrgs(
  db: Db,
  group: string,
  names: readonly string[] = [],
): Promise<UngroupOrgsResult> {
  const wantedGroup = readOrgName(group, "group name");
  const wanted = dedupeNames(names.map((name) => readOrgName(name, "organisation name")));
  return db.transaction(async (tx) => {
    const stored = await findGroup(tx, wantedGroup);
    if (stored === undefined) {
      throw new OrgGroupError("ORG_GROUP_UNKNOWN", `there is no group named ${wantedGroup}`);
    }
    const members = await selectRows<{ name: string }>(
      tx,
      sql`select org_name as name from org_group_members where group_name = ${stored} order by lower(org_name)`,
    );
    const byKey = new Map(members.map((m) => [m.name.toLowerCase(), m.name]));
    const missing = wanted.filter((name) => !byKey.has(name.toLowerCase()));
    if (missing.length > 0) {
      throw new OrgGroupError(
        "ORG_NOT_IN_GROUP",
        `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the group ${stored} ` +
          `(its names: ${members.map((m) => m.name).join(", ") || "none"}), so nothing was changed`,
      );
    }
    const removed =
      wanted.length === 0 ? members.map((m) => m.name) : wanted.map((n) => byKey.get(n.toLowerCase()) ?? n);
    const groupRemoved = removed.length === members.length;
    if (groupRemoved) {
      // Its names go with it (the members' foreign key cascades).
      await tx.execute(sql`delete from org_groups where name = ${stored}`);
    } else {
      await tx.execute(sql`delete from org_group_members where group_name = ${stored}
        and org_name in (select jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb))`);
    }
    await bumpDataVersion(tx);
    return { group: stored, removed, groupRemoved };
  });
}
