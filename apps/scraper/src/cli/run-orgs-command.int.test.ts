import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, cliEnv, runCliProcess } from "../testing/cli-env.ts";

const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-orgs-"));

// Nothing is fetched: the base URL is never asked.
const runCli = (...args: string[]): Promise<CliResult> =>
  runCliProcess(cliEnv(dataDir, "https://huggingface.invalid"), args, 90_000);

// A recorded /api/daily_papers response: two names of ByteDance (one in another case than the default group holds
// it) and a lab in no group.
function apiItem(id: string, organization: string) {
  return {
    paper: {
      id,
      title: `Paper ${id}`,
      authors: [{ name: "Ada Example" }],
      upvotes: 3,
      submittedOnDailyAt: "2025-10-02T08:00:00.000Z",
      organization: { name: organization, fullname: organization },
    },
    numComments: 0,
  };
}

type ListedGroup = { name: string; papers: number; members: { name: string; papers: number }[] };
const groupsOf = (result: CliResult) => (result.last?.groups ?? []) as ListedGroup[];

// Every step is a CLI process of its own, the first one creating and migrating the database folder: each is
// bounded at 90 s, and a loaded machine takes tens of seconds for the first.
describe("pnpm scrape orgs", { timeout: 240_000 }, () => {
  beforeAll(async () => {
    const file = join(dataDir, "daily_papers_2025-10-02.json");
    writeFileSync(
      file,
      JSON.stringify([
        apiItem("2510.00001", "ByteDance-Seed"),
        apiItem("2510.00002", "ByteDance-Seed"),
        apiItem("2510.00003", "bytedance"),
        apiItem("2510.00004", "solo-lab"),
      ]),
    );
    const imported = await runCli("import", file, "--json");
    expect(imported.code, imported.stderr).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("lists the default groups with their names' stored papers", async () => {
    const result = await runCli("orgs", "list", "--json");
    expect(result.code, result.stderr).toBe(0);
    expect(groupsOf(result).find((g) => g.name === "ByteDance")).toEqual({
      name: "ByteDance",
      papers: 3,
      members: [
        { name: "ByteDance-Seed", organization: "ByteDance-Seed", papers: 2 },
        { name: "ByteDance", organization: "bytedance", papers: 1 },
        { name: "bytedance-research", organization: null, papers: 0 },
      ],
    });
    // With --json the text goes to stderr, the summary object is the last line of stdout.
    expect(result.stderr).toContain("ByteDance: 3 papers, 3 names");
    expect(result.stderr).toMatch(/ByteDance-Seed\s+2\n/);
    const text = await runCli("orgs", "list");
    expect(text.stdout).toMatch(/Microsoft: 0 papers, 2 names\n {2}microsoft\s+0 {2}\(no paper yet\)/);
  });

  it("groups names, refuses one in another group naming it, and ungroups", async () => {
    const grouped = await runCli("orgs", "group", "Solo Group", "SOLO-LAB", "new-lab", "--json");
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(grouped.last).toEqual({
      group: "Solo Group",
      created: true,
      added: ["solo-lab", "new-lab"],
      unchanged: [],
    });

    const refused = await runCli("orgs", "group", "Other", "bytedance-seed", "--json");
    expect(refused.code).toBe(1);
    expect(refused.last).toMatchObject({ code: "ORG_IN_OTHER_GROUP" });
    expect(refused.stderr).toContain("ByteDance-Seed is already in the group ByteDance");

    const partly = await runCli("orgs", "ungroup", "solo group", "NEW-LAB", "--json");
    expect(partly.code, partly.stderr).toBe(0);
    expect(partly.last).toEqual({ group: "Solo Group", removed: ["new-lab"], groupRemoved: false });

    const listed = groupsOf(await runCli("orgs", "list", "--json"));
    expect(listed.map((g) => g.name)).not.toContain("Other");
    expect(listed.find((g) => g.name === "Solo Group")?.members).toEqual([
      { name: "solo-lab", organization: "solo-lab", papers: 1 },
    ]);

    const whole = await runCli("orgs", "ungroup", "Solo Group");
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toContain("removed the group Solo Group (its names solo-lab count apart again)");
    const unknown = await runCli("orgs", "ungroup", "Solo Group", "--json");
    expect(unknown.code).toBe(1);
    expect(unknown.last).toEqual({
      error: "there is no group named Solo Group",
      code: "ORG_GROUP_UNKNOWN",
    });
  });

  it("exits 2 with a one-line reason on bad usage, before opening the database", async () => {
    for (const args of [
      ["orgs"],
      ["orgs", "frob"],
      ["orgs", "group", "Lonely"],
      ["orgs", "group", "", "x"],
      ["orgs", "group", "G", "tab\tname"],
      ["orgs", "ungroup", "G", "x".repeat(101)],
    ]) {
      const result = await runCli(...args, "--json");
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.last).toMatchObject({ code: "USAGE" });
    }
  });
});
