import { sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { selectRows } from "../rows.ts";
import type { Db, DbOrTx } from "../types.ts";
import { dedupeNames, OrgGroupError, readOrgName } from "./org-group-error.ts";

export type GroupOrgsResult = {
  /** The group's name as stored: an existing group named in another case keeps its own spelling. */
  group: string;
  /** The group did not exist before. */
  created: boolean;
  /** Names added, as stored: an organisation already seen keeps the spelling its papers carry. */
  added: string[];
  /** Names that were in the group already. */
  unchanged: string[];
};

type NameState = { input: string; member: string | null; inGroup: string | null; known: string | null };

/**
 * Puts organisation names in a group, creating the group when no group has its name (in any case). A name already
 * in another group is refused, naming that group, and nothing changes: a name belongs to one group at most. Names
 * need not have been seen yet; one that has is stored as its papers spell it.
 */
export async function groupOrgs(db: Db, group: string, names: readonly string[]): Promise<GroupOrgsResult> {
  const wantedGroup = readOrgName(group, "group name");
  const wanted = dedupeNames(names.map((name) => readOrgName(name, "organisation name")));
  if (wanted.length === 0) {
    throw new OrgGroupError("ORG_NAME_INVALID", `name at least one organisation to put in ${wantedGroup}`);
  }
  return db.transaction(async (tx) => {
    const existing = await findGroup(tx, wantedGroup);
    const states = await readNameStates(tx, wanted);
    const elsewhere = states.filter(
      (s) => s.inGroup !== null && s.inGroup.toLowerCase() !== (existing ?? wantedGroup).toLowerCase(),
    );
    if (elsewhere.length > 0) {
      throw new OrgGroupError(
        "ORG_IN_OTHER_GROUP",
        `${elsewhere.map((s) => `${s.member} is already in the group ${s.inGroup}`).join("; ")}: a name belongs ` +
          "to one group at most, so nothing was changed",
      );
    }
    let stored = existing;
    if (stored === undefined) {
      // Another process may create it (in any case) meanwhile: then its spelling is the one kept.
      await tx.execute(sql`insert into org_groups (name) values (${wantedGroup}) on conflict do nothing`);
      stored = (await findGroup(tx, wantedGroup)) ?? wantedGroup;
    }
    const adding = states.filter((s) => s.member === null).map((s) => s.known ?? s.input);
    if (adding.length > 0) {
      await tx.execute(sql`insert into org_group_members (group_name, org_name)
        select ${stored}, name from jsonb_array_elements_text(${JSON.stringify(adding)}::jsonb) as n(name)`);
    }
    // Views that show groups are cached on the data version.
    if (adding.length > 0 || existing === undefined) await bumpDataVersion(tx);
    return {
      group: stored,
      created: existing === undefined,
      added: adding,
      unchanged: states.flatMap((s) => (s.member === null ? [] : [s.member])),
    };
  });
}

/** The stored name of the group called `name` in any case, if there is one. */
export async function findGroup(db: DbOrTx, name: string): Promise<string | undefined> {
  const [row] = await selectRows<{ name: string }>(
    db,
    sql`select name from org_groups where lower(name) = lower(${name})`,
  );
  return row?.name;
}

/** For each name: the member row it matches, that member's group, and the spelling its papers carry, if seen. */
async function readNameStates(db: DbOrTx, names: readonly string[]): Promise<NameState[]> {
  return selectRows<NameState>(
    db,
    sql`select w.name as input, m.org_name as member, m.group_name as "inGroup", o.name as known
      from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) with ordinality as w(name, position)
      left join org_group_members m on lower(m.org_name) = lower(w.name)
      left join organizations o on lower(o.name) = lower(w.name)
      order by w.position`,
  );
}
