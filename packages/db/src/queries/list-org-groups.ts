import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type OrgGroupMember = {
  /** The name as the group holds it. */
  name: string;
  /** The organisation it matches, as its papers spell it (the case may differ); null while none has been seen. */
  organization: string | null;
  /** Stored papers of that organisation. */
  papers: number;
};

export type OrgGroup = {
  name: string;
  /** Stored papers of all its organisations. */
  papers: number;
  /** Most papers first. */
  members: OrgGroupMember[];
};

/** Every organisation group with its names and their stored papers, groups in alphabetical order. */
export async function listOrgGroups(db: Db): Promise<OrgGroup[]> {
  const rows = await selectRows<{
    group: string;
    member: string | null;
    organization: string | null;
    papers: number | string;
  }>(
    db,
    sql`select g.name as "group", m.org_name as member, o.name as organization,
        (select count(*) from papers p where p.organization_name = o.name) as papers
      from org_groups g
      left join org_group_members m on m.group_name = g.name
      left join organizations o on lower(o.name) = lower(m.org_name)
      order by lower(g.name), g.name, papers desc, lower(m.org_name)`,
  );
  const groups: OrgGroup[] = [];
  for (const row of rows) {
    let current = groups.at(-1);
    if (current?.name !== row.group) {
      current = { name: row.group, papers: 0, members: [] };
      groups.push(current);
    }
    if (row.member === null) continue;
    const papers = Number(row.papers);
    current.members.push({ name: row.member, organization: row.organization, papers });
    current.papers += papers;
  }
  return groups;
}
