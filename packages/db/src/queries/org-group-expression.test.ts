import { orgStats, papers } from "@paperpulse/schema";
import { and, asc, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { groupOrgs } from "../write/group-orgs.ts";
import { ungroupOrgs } from "../write/ungroup-orgs.ts";
import { dailyDateWhere } from "./filters.ts";
import { listOrgGroups } from "./list-org-groups.ts";
import { orgGroupExpression, orgGroupsWhere } from "./org-group-expression.ts";

const org = (name: string) => ({ name, fullname: null, avatar: null });
// Two names of ByteDance and two of Meta (one spelt in another case than the default group holds it), a lab in no
// group, and a paper naming no organisation.
const stored = [
  capturedPaper("2510.00001", 9, { dailyDate: "2025-10-01", organization: org("ByteDance-Seed") }),
  capturedPaper("2510.00002", 7, { dailyDate: "2025-10-01", organization: org("ByteDance") }),
  capturedPaper("2510.00003", 5, { dailyDate: "2025-10-02", organization: org("ByteDance-Seed") }),
  capturedPaper("2510.00004", 4, { dailyDate: "2025-10-02", organization: org("facebook") }),
  capturedPaper("2510.00005", 3, { dailyDate: "2025-10-03", organization: org("MetaResearch") }),
  capturedPaper("2510.00006", 2, { dailyDate: "2025-10-03", organization: org("solo-lab") }),
  capturedPaper("2510.00007", 1, { dailyDate: "2025-10-03" }),
];
const storedOrgs = Object.fromEntries(stored.map((p) => [p.id, p.organization?.name ?? null]));

async function groupOfEach(db: Db): Promise<Record<string, string | null>> {
  const rows = await db
    .select({ id: papers.id, group: orgGroupExpression() })
    .from(papers)
    .orderBy(asc(papers.id));
  return Object.fromEntries(rows.map((r) => [r.id, r.group]));
}

async function idsWhere(db: Db, condition: ReturnType<typeof orgGroupsWhere>): Promise<string[]> {
  const rows = await db.select({ id: papers.id }).from(papers).where(condition).orderBy(asc(papers.id));
  return rows.map((r) => r.id);
}

async function storedOrganizations(db: Db): Promise<Record<string, string | null>> {
  const rows = await db
    .select({ id: papers.id, org: papers.organizationName })
    .from(papers)
    .orderBy(asc(papers.id));
  return Object.fromEntries(rows.map((r) => [r.id, r.org]));
}

describeEachDatabase("organisation group expression and filter", (getDb) => {
  beforeAll(async () =>
    storeFresh(getDb(), [
      { capturedAt: new Date("2025-10-04T00:00:00Z"), listingDate: null, papers: stored },
    ]),
  );

  it("maps each paper's organisation to its group, whatever the case, else to itself", async () => {
    expect(await groupOfEach(getDb())).toEqual({
      "2510.00001": "ByteDance",
      "2510.00002": "ByteDance",
      "2510.00003": "ByteDance",
      "2510.00004": "Meta",
      "2510.00005": "Meta",
      "2510.00006": "solo-lab",
      "2510.00007": null,
    });
    // As a leaderboard would use it: in the select list and GROUP BY, over papers or the precomputed org rows.
    const board = await selectRows<{ org: string | null; papers: number | string; upvotes: number | string }>(
      getDb(),
      sql`select ${orgGroupExpression()} as org, count(*) as papers, sum(${papers.upvotes}) as upvotes
        from ${papers} group by 1 order by 3 desc`,
    );
    expect(board.map((r) => [r.org, Number(r.papers), Number(r.upvotes)])).toEqual([
      ["ByteDance", 3, 21],
      ["Meta", 2, 7],
      ["solo-lab", 1, 2],
      [null, 1, 1],
    ]);
    const fromStats = await getDb()
      .select({
        org: orgGroupExpression(orgStats.name),
        papers: sql<number>`sum(${orgStats.papers})`.mapWith(Number),
      })
      .from(orgStats)
      .groupBy(sql`1`)
      .orderBy(sql`1`);
    expect(fromStats).toEqual([
      { org: "ByteDance", papers: 3 },
      { org: "Meta", papers: 2 },
      { org: "solo-lab", papers: 1 },
    ]);
  });

  it("filters on groups and on names, whatever the case, alone or with the other filters", async () => {
    expect(await idsWhere(getDb(), orgGroupsWhere(["bytedance"]))).toEqual([
      "2510.00001",
      "2510.00002",
      "2510.00003",
    ]);
    // A name in a group still matches its own papers only; a name in no group matches its papers.
    expect(await idsWhere(getDb(), orgGroupsWhere(["BYTEDANCE-SEED"]))).toEqual(["2510.00001", "2510.00003"]);
    expect(await idsWhere(getDb(), orgGroupsWhere(["META", "Solo-Lab"]))).toEqual([
      "2510.00004",
      "2510.00005",
      "2510.00006",
    ]);
    expect(await idsWhere(getDb(), orgGroupsWhere(["no-such-group"]))).toEqual([]);
    expect(orgGroupsWhere([])).toBeUndefined();
    expect(
      await idsWhere(getDb(), and(orgGroupsWhere(["ByteDance"]), dailyDateWhere({ from: "2025-10-02" }))),
    ).toEqual(["2510.00003"]);
  });

  it("lists each group's names with their stored papers", async () => {
    const groups = await listOrgGroups(getDb());
    expect(groups.find((g) => g.name === "ByteDance")).toEqual({
      name: "ByteDance",
      papers: 3,
      members: [
        { name: "ByteDance-Seed", organization: "ByteDance-Seed", papers: 2 },
        { name: "ByteDance", organization: "ByteDance", papers: 1 },
        { name: "bytedance-research", organization: null, papers: 0 },
      ],
    });
    expect(groups.find((g) => g.name === "Meta")?.members.slice(0, 2)).toEqual([
      { name: "facebook", organization: "facebook", papers: 1 },
      { name: "metaresearch", organization: "MetaResearch", papers: 1 },
    ]);
  });

  it("follows changes to the groups and never rewrites a paper's organisation", async () => {
    const before = await selectRows(getDb(), sql`select * from organizations order by name`);
    await groupOrgs(getDb(), "Solo Group", ["SOLO-LAB"]);
    await ungroupOrgs(getDb(), "Meta", ["MetaResearch"]);
    expect(await groupOfEach(getDb())).toMatchObject({
      "2510.00005": "MetaResearch",
      "2510.00006": "Solo Group",
    });
    expect(await idsWhere(getDb(), orgGroupsWhere(["solo group"]))).toEqual(["2510.00006"]);
    await ungroupOrgs(getDb(), "ByteDance");
    expect(await groupOfEach(getDb())).toMatchObject({
      "2510.00001": "ByteDance-Seed",
      "2510.00002": "ByteDance",
    });
    expect(await storedOrganizations(getDb())).toEqual(storedOrgs);
    expect(await selectRows(getDb(), sql`select * from organizations order by name`)).toEqual(before);
  });
});
