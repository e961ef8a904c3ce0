import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, repoRoot, storeFresh } from "../../testing/index.ts";
import { getDataVersion } from "../aggregates/data-version.ts";
import { listOrgGroups } from "../queries/list-org-groups.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { groupOrgs } from "./group-orgs.ts";
import { OrgGroupError } from "./org-group-error.ts";
import { ungroupOrgs } from "./ungroup-orgs.ts";

// The groups migration 0016 seeds.
const defaultGroups = [
  "Adobe",
  "Alibaba",
  "Amazon",
  "Ant Group",
  "ByteDance",
  "Google",
  "Huawei",
  "IBM",
  "JD.com",
  "Kuaishou",
  "Meituan",
  "Meta",
  "Microsoft",
  "NAVER",
  "NVIDIA",
  "OPPO",
  "ServiceNow",
  "Snap",
  "Tencent",
  "Xiaohongshu",
  "Xiaomi",
];

const byLowerName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());

/** Each group's names, in alphabetical order whatever their case. */
async function membersOf(db: Db): Promise<Record<string, string[]>> {
  const groups = await listOrgGroups(db);
  return Object.fromEntries(groups.map((g) => [g.name, g.members.map((m) => m.name).sort(byLowerName)]));
}

/** The default groups as the README's table lists them, which must say what a new database holds. */
function readmeDefaultGroups(): Record<string, string[]> {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const table = readme.split("| group | organisation names |")[1]?.split("\n\n")[0] ?? "";
  const rows = table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---"));
  return Object.fromEntries(
    rows.map((line) => {
      const [group = "", names = ""] = line
        .split("|")
        .slice(1, 3)
        .map((cell) => cell.trim());
      return [group, names.split(", ").sort(byLowerName)];
    }),
  );
}

async function refusal(promise: Promise<unknown>): Promise<OrgGroupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrgGroupError);
  return error as OrgGroupError;
}

describeEachDatabase("organisation groups", (getDb) => {
  beforeAll(async () =>
    // An organisation seen under one spelling: a group naming it in another case stores the one papers carry.
    storeFresh(getDb(), [
      {
        capturedAt: new Date("2025-10-04T00:00:00Z"),
        listingDate: null,
        papers: [
          capturedPaper("2510.00001", 5, {
            organization: { name: "Lab-Two", fullname: null, avatar: null },
          }),
        ],
      },
    ]),
  );

  it("starts with the default groups of companies Hugging Face files under several names", async () => {
    const members = await membersOf(getDb());
    expect(Object.keys(members)).toEqual(defaultGroups);
    expect(members).toEqual(readmeDefaultGroups());
    expect(members.ByteDance).toEqual(["ByteDance", "bytedance-research", "ByteDance-Seed"]);
    expect(members.Microsoft).toEqual(["microsoft", "MicrosoftResearch"]);
    expect(members.Meta).toEqual(expect.arrayContaining(["facebook", "metaresearch"]));
    expect(members.Alibaba).toEqual(
      expect.arrayContaining(["alibaba-inc", "AlibabaTongyiLab", "Alibaba-DAMO-Academy"]),
    );
    expect(members.Google).toEqual(expect.arrayContaining(["google", "GoogleDeepMind", "google-deepmind"]));
  });

  describe("grouping", () => {
    it("creates a group and adds names, whether seen yet or not, in the spelling papers carry", async () => {
      const before = await getDataVersion(getDb());
      expect(await groupOrgs(getDb(), " Lab Group ", ["lab-one", "LAB-TWO", "Lab-One"])).toEqual({
        group: "Lab Group",
        created: true,
        added: ["lab-one", "Lab-Two"],
        unchanged: [],
      });
      expect((await membersOf(getDb()))["Lab Group"]).toEqual(["lab-one", "Lab-Two"]);
      // Views showing groups are cached on the data version.
      expect(await getDataVersion(getDb())).toBeGreaterThan(before);
    });

    it("finds the group and its names whatever their case, and adds only what is new", async () => {
      expect(await groupOrgs(getDb(), "LAB GROUP", ["LAB-ONE", "lab-three"])).toEqual({
        group: "Lab Group",
        created: false,
        added: ["lab-three"],
        unchanged: ["lab-one"],
      });
      const before = await getDataVersion(getDb());
      expect(await groupOrgs(getDb(), "lab group", ["lab-two"])).toMatchObject({
        added: [],
        unchanged: ["Lab-Two"],
      });
      expect(await getDataVersion(getDb())).toBe(before);
    });

    it("refuses a name that is in another group, naming it, and changes nothing", async () => {
      const before = await membersOf(getDb());
      const error = await refusal(groupOrgs(getDb(), "Seed Only", ["new-lab", "BYTEDANCE-SEED"]));
      expect(error.code).toBe("ORG_IN_OTHER_GROUP");
      expect(error.message).toContain(
        "ByteDance-Seed is already in the group ByteDance: a name belongs to one group at most",
      );
      const moved = await refusal(groupOrgs(getDb(), "Lab Group", ["microsoft"]));
      expect(moved.message).toContain("microsoft is already in the group Microsoft");
      expect(await membersOf(getDb())).toEqual(before);
    });

    it("holds one group per name in the database itself, whatever the case", async () => {
      await expect(
        getDb().execute(sql`insert into org_group_members (group_name, org_name) values ('Meta', 'LAB-ONE')`),
      ).rejects.toThrow();
      await expect(
        getDb().execute(sql`insert into org_groups (name) values ('lab group')`),
      ).rejects.toThrow();
    });

    it("refuses names that are empty, too long or hold control characters", async () => {
      for (const [group, names, message] of [
        ["  ", ["x"], 'group name "  " must not be empty'],
        ["Lab Group", [""], 'organisation name "" must not be empty'],
        ["Lab Group", ["a".repeat(101)], "must be at most 100 characters long"],
        ["Lab\u0007Group", ["x"], "must not contain control or invisible characters"],
        ["Lab Group", ["zero\u200bwidth"], "must not contain control or invisible characters"],
        ["Lab Group", [], "name at least one organisation to put in Lab Group"],
      ] as const) {
        const error = await refusal(groupOrgs(getDb(), group, names));
        expect(error.code).toBe("ORG_NAME_INVALID");
        expect(error.message).toContain(message);
      }
    });
  });

  describe("ungrouping", () => {
    it("takes names out, whatever their case", async () => {
      const before = await getDataVersion(getDb());
      expect(await ungroupOrgs(getDb(), "lab group", ["LAB-THREE"])).toEqual({
        group: "Lab Group",
        removed: ["lab-three"],
        groupRemoved: false,
      });
      expect((await membersOf(getDb()))["Lab Group"]).toEqual(["lab-one", "Lab-Two"]);
      expect(await getDataVersion(getDb())).toBeGreaterThan(before);
    });

    it("refuses an unknown group, or a name not in the group, and changes nothing", async () => {
      const before = await membersOf(getDb());
      const unknown = await refusal(ungroupOrgs(getDb(), "No Such Group", ["lab-one"]));
      expect(unknown.code).toBe("ORG_GROUP_UNKNOWN");
      expect(unknown.message).toBe("there is no group named No Such Group");
      const stranger = await refusal(ungroupOrgs(getDb(), "Lab Group", ["lab-one", "facebook"]));
      expect(stranger.code).toBe("ORG_NOT_IN_GROUP");
      expect(stranger.message).toContain(
        "facebook is not in the group Lab Group (its names: lab-one, Lab-Two)",
      );
      expect(await membersOf(getDb())).toEqual(before);
    });

    it("removes a group whose last names are taken out", async () => {
      expect(await ungroupOrgs(getDb(), "Lab Group", ["lab-one", "lab-two"])).toEqual({
        group: "Lab Group",
        removed: ["lab-one", "Lab-Two"],
        groupRemoved: true,
      });
      expect(Object.keys(await membersOf(getDb()))).toEqual(defaultGroups);
    });

    it("removes a whole group when no names are given; its names may then join another", async () => {
      expect(await ungroupOrgs(getDb(), "microsoft")).toEqual({
        group: "Microsoft",
        removed: ["microsoft", "MicrosoftResearch"],
        groupRemoved: true,
      });
      expect(Object.keys(await membersOf(getDb()))).not.toContain("Microsoft");
      expect(await groupOrgs(getDb(), "Microsoft Research", ["MicrosoftResearch"])).toMatchObject({
        created: true,
        added: ["MicrosoftResearch"],
      });
      const rows = await selectRows<{ n: number | string }>(
        getDb(),
        sql`select count(*) as n from org_group_members where lower(org_name) = 'microsoft'`,
      );
      expect(Number(rows[0]?.n)).toBe(0);
    });
  });
});
